import Alert from '@material-ui/lab/Alert';
import { SloResult } from '@triad/plugin-slo-common';

/** Says plainly when numbers are old or missing, and why. */
export function StaleNotice(props: { slo: SloResult }) {
  const { slo } = props;
  if (slo.error) {
    return (
      <Alert severity="error">
        This SLO could not be evaluated: {slo.error}
      </Alert>
    );
  }
  if (slo.stale) {
    return (
      <Alert severity="warning">
        Stale: showing the evaluation of{' '}
        {new Date(slo.evaluatedAt).toLocaleString()} because the data source
        failed ({slo.staleReason}).
      </Alert>
    );
  }
  return null;
}
