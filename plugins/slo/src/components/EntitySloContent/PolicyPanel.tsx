import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { describeReleaseGatePolicy } from '@triad/plugin-slo-common';
import useAsync from 'react-use/esm/useAsync';
import { sloApiRef } from '../../api/SloApi';
import { BackendErrorPanel } from '@triad/frontend-utils';

/**
 * The release gate of the error-budget policy, with its reasons and the
 * policy it applied (the service's, its team's or the default).
 */
export function PolicyPanel(props: { entityRef: string }) {
  const api = useApi(sloApiRef);
  const { value, loading, error } = useAsync(
    () => api.getPolicy(props.entityRef),
    [api, props.entityRef],
  );
  if (loading) return <Progress />;
  if (error)
    return (
      <BackendErrorPanel
        error={error}
        title="Could not load the error-budget policy"
      />
    );
  if (!value) return null;
  return (
    <Alert
      severity={value.releaseAllowed ? 'success' : 'error'}
      data-testid="policy-decision"
    >
      <AlertTitle>
        {value.releaseAllowed ? 'Release gate open' : 'Release gate blocked'}
      </AlertTitle>
      {value.summary}
      <ul>
        {value.reasons.map((r, i) => (
          <li key={i}>
            {r.blocking ? <strong>{r.message}</strong> : r.message}
          </li>
        ))}
      </ul>
      {value.policy && (
        <div data-testid="policy-applied">
          Policy: {describeReleaseGatePolicy(value.policy)}.
          {value.policy.problems.map(problem => (
            <div key={problem}>Ignored: {problem}</div>
          ))}
        </div>
      )}
    </Alert>
  );
}
