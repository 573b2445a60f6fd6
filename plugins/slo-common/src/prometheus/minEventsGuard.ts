import { SloDocument } from '../openslo/validateOpenSloDocument';

/** The SLO annotation that sets its own minimum-traffic guard. */
export const MIN_EVENTS_PER_HOUR_ANNOTATION = 'triad.dev/min-events-per-hour';

/** Where an SLO's guard is set: its annotation, or the option. */
export function guardPath(slo: SloDocument): string {
  const annotations = slo.metadata.annotations as
    | Record<string, unknown>
    | undefined;
  return annotations?.[MIN_EVENTS_PER_HOUR_ANNOTATION] === undefined
    ? 'minEventsPerHour'
    : `metadata.annotations["${MIN_EVENTS_PER_HOUR_ANNOTATION}"]`;
}

/**
 * The minimum events per hour an SLO's alerts need (0: no guard): its
 * annotation, else the option; a problem when the annotation is no number.
 */
export function minEventsGuard(
  slo: SloDocument,
  fallback: number | undefined,
): number | { path: string; message: string } {
  const annotations = slo.metadata.annotations as
    | Record<string, unknown>
    | undefined;
  const value = annotations?.[MIN_EVENTS_PER_HOUR_ANNOTATION];
  if (value === undefined) return fallback ?? 0;
  // Annotations are strings ("100"); a plain YAML number is taken as well.
  let events = typeof value === 'number' ? value : NaN;
  if (typeof value === 'string' && value.trim()) events = Number(value);
  if (!(Number.isFinite(events) && events >= 0)) {
    return {
      path: guardPath(slo),
      message: `${JSON.stringify(
        value,
      )} is not a number of events of 0 or more, e.g. "100"`,
    };
  }
  return events;
}
