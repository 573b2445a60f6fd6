import { InfoCard, Progress, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Alert from '@material-ui/lab/Alert';
import Typography from '@material-ui/core/Typography';
import {
  CeilingDependency,
  formatPercent,
  targetAboveCeiling,
} from '@triad/plugin-slo-common';
import { BackendErrorPanel } from '@triad/frontend-utils';
import useAsync from 'react-use/esm/useAsync';
import { sloApiRef } from '../../api/SloApi';
import { DependencyTable } from './DependencyTable';

/** Enough digits to tell 99.85005 % from 99.9 %. */
const percent = (ratio: number | undefined) => formatPercent(ratio, 3);

const figures: TableColumn<CeilingDependency>[] = [
  {
    title: 'SLO target / SLI',
    render: d =>
      d.slos.map(s => (
        <div key={s.ref}>
          {s.title ?? s.ref}: {percent(s.target)} / {percent(s.sli)}
        </div>
      )),
  },
];

/**
 * The availability the entity's dependencies allow: the product of its hard
 * dependencies' targets and of their SLIs, a warning when one of its own
 * targets is above it, and each dependency with its path and who answers
 * for it.
 */
export function DependencyCeilingPanel(props: { entityRef: string }) {
  const api = useApi(sloApiRef);
  const { value, loading, error } = useAsync(
    () => api.getDependencyCeiling(props.entityRef),
    [api, props.entityRef],
  );
  if (loading) return <Progress />;
  if (error) {
    return (
      <BackendErrorPanel
        error={error}
        title="Could not load what the dependencies allow"
      />
    );
  }
  if (!value || (!value.dependencies.length && !value.hiddenDependencies)) {
    return null;
  }
  const above = value.slos.filter(s =>
    targetAboveCeiling(s.target, value.targetCeiling),
  );
  return (
    <InfoCard title="What the dependencies allow">
      {above.map(s => (
        <Alert severity="warning" key={s.ref}>
          {s.title ?? s.ref} targets {percent(s.target)}, above the{' '}
          {percent(value.targetCeiling)} its hard dependencies' targets allow
          together.
        </Alert>
      ))}
      <Typography variant="body2" data-testid="dependency-ceiling">
        Target ceiling {percent(value.targetCeiling)} · measured ceiling{' '}
        {percent(value.measuredCeiling)} ({value.kind}: the product over the
        hard dependencies; soft ones are listed, not multiplied)
      </Typography>
      <DependencyTable
        rows={value.dependencies}
        figures={figures}
        hiddenDependencies={value.hiddenDependencies}
      />
    </InfoCard>
  );
}
