import Alert from '@material-ui/lab/Alert';

/** "42 s", "3 min", "1 h 5 min": how old the catalog's answer is. */
export function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
}

/**
 * Says when the catalog could not answer and what is shown came from its
 * earlier answers to the same user (the backend's `catalogStale`).
 */
export function CatalogStaleNotice(props: {
  /** The answer's `catalogStale`, as both Triad APIs give it. */
  stale?: { asOf: string; ageSeconds: number; reason: string };
}) {
  const { stale } = props;
  if (!stale) return null;
  return (
    <Alert severity="warning">
      The catalog is not answering ({stale.reason}): this is what it showed you{' '}
      {formatAge(stale.ageSeconds)} ago, at{' '}
      {new Date(stale.asOf).toLocaleTimeString()}. Changes since then are not
      shown.
    </Alert>
  );
}
