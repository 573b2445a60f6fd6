import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { SloResult } from '@triad/plugin-slo-common';
import useAsync from 'react-use/esm/useAsync';
import { sloApiRef } from '../../api/SloApi';
import { BackendErrorPanel } from '@triad/frontend-utils';
import { eventMarkerLines } from './eventMarkerLines';
import { ObjectiveCharts } from './ObjectiveCharts';
import { SloEventTable } from './SloEventTable';

/**
 * SLI over the period against the target, and the budget burn-down against
 * spending evenly, per objective; deploys and incidents of the service
 * marked on both, and listed with the budget spent around each deploy.
 */
export function SloCharts(props: { slo: SloResult }) {
  const api = useApi(sloApiRef);
  const { slo } = props;
  const { value, loading, error } = useAsync(
    () => api.getSloTimeline(slo.namespace, slo.name),
    [api, slo.namespace, slo.name],
  );
  // Markers are extra: without them (an older backend, a failure) the
  // charts still show.
  const events = useAsync(
    async () =>
      api.listEvents({
        entityRef: slo.serviceRef,
        from: new Date(slo.period.start),
        to: new Date(slo.evaluatedAt),
      }),
    [api, slo.serviceRef, slo.period.start, slo.evaluatedAt],
  );
  const markers = eventMarkerLines(events.value?.items ?? []);
  if (loading) return <Progress />;
  if (error)
    return (
      <BackendErrorPanel error={error} title="Could not load the charts" />
    );
  return (
    <>
      {value?.objectives.map(o => (
        <ObjectiveCharts key={o.index} objective={o} markers={markers} />
      ))}
      <SloEventTable events={events.value?.items ?? []} sloRef={slo.ref} />
    </>
  );
}
