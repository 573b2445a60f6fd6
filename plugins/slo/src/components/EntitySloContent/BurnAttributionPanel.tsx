import { InfoCard, Progress, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  BurnAttributionDependency,
  formatPercent,
} from '@triad/plugin-slo-common';
import { BackendErrorPanel } from '@triad/frontend-utils';
import useAsync from 'react-use/esm/useAsync';
import { sloApiRef } from '../../api/SloApi';
import { DependencyTable } from './DependencyTable';

const figures: TableColumn<BurnAttributionDependency>[] = [
  {
    title: 'Share of the burn',
    render: d => formatPercent(d.share, 1),
  },
  {
    title: 'Burned then',
    render: d =>
      `${d.burned.toLocaleString('en-US')} bad, ${d.buckets} ${
        d.buckets === 1 ? 'step' : 'steps'
      } of the dependency burning`,
  },
];

/** Minutes or hours, whichever reads better, for the step of the buckets. */
const stepText = (ms: number) =>
  ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${ms / 60_000} min`;

/** What the SLO burned, in its unit; nothing when it could not be read. */
function burnedText(burned: number | undefined, unit: string): string {
  if (burned === undefined) return '';
  if (burned === 0) {
    return 'This SLO burned no budget this window: nothing to attribute.';
  }
  return `${burned.toLocaleString('en-US')} bad ${unit} this window.`;
}

/**
 * The share of one SLO's burned budget that fell while each of its
 * dependencies was burning faster than 1×: what coincided, not what caused.
 */
export function BurnAttributionPanel(props: {
  sloRef: string;
  title: string;
  /** What a bad unit is: `events`, or `slices` for Timeslices. */
  unit: string;
}) {
  const api = useApi(sloApiRef);
  const { namespace, name } = parseEntityRef(props.sloRef);
  const { value, loading, error } = useAsync(
    () => api.getBurnAttribution(namespace, name),
    [api, namespace, name],
  );
  if (loading) return <Progress />;
  if (error) {
    return (
      <BackendErrorPanel
        error={error}
        title="Could not load the burn that coincided with dependencies"
      />
    );
  }
  if (
    !value ||
    (!value.dependencies.length && !value.hiddenDependencies && !value.problem)
  ) {
    return null;
  }
  return (
    <InfoCard
      title={`Burn that coincided with dependencies — ${props.title}`}
      subheader={`Over the current window, in steps of ${stepText(
        value.stepMs,
      )}: the share of this SLO's bad events that fell in steps where a dependency was burning its own budget faster than 1×. It coincided; it does not show the dependency caused it. Shares overlap when dependencies burned together.`}
    >
      {value.problem && <Alert severity="info">{value.problem}</Alert>}
      <Typography variant="body2" data-testid="burn-attribution">
        {burnedText(value.burned, props.unit)}
      </Typography>
      <DependencyTable
        rows={value.dependencies}
        figures={figures}
        hiddenDependencies={value.hiddenDependencies}
      />
    </InfoCard>
  );
}
