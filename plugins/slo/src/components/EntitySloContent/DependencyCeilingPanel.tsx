import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
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

/** Enough digits to tell 99.85005 % from 99.9 %. */
const percent = (ratio: number | undefined) => formatPercent(ratio, 3);

const refList = (refs: string[]) =>
  refs.length
    ? refs.map((ref, i) => (
        <span key={ref}>
          {i > 0 && ', '}
          <EntityRefLink entityRef={ref} />
        </span>
      ))
    : '–';

const columns: TableColumn<CeilingDependency>[] = [
  {
    title: 'Dependency',
    render: d => d.path.map(ref => parseEntityRef(ref).name).join(' → '),
  },
  {
    title: 'Hard or soft',
    render: d => (d.soft ? 'Soft (has a fallback)' : 'Hard'),
  },
  {
    title: 'SLO target / SLI',
    render: d =>
      d.slos.map(s => (
        <div key={s.ref}>
          {s.title ?? s.ref}: {percent(s.target)} / {percent(s.sli)}
        </div>
      )),
  },
  { title: 'Owner', render: d => refList(d.owner ? [d.owner] : []) },
  {
    title: 'SRE / platform',
    render: d =>
      d.holders
        ? d.holders.map(h => (
            <div key={`${h.role} ${h.ref}`}>
              {h.role}: <EntityRefLink entityRef={h.ref} />
            </div>
          ))
        : '–',
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
      {value.hiddenDependencies > 0 && (
        <Typography variant="caption" display="block">
          {value.hiddenDependencies} dependencies you may not read are left out,
          with what lies behind them.
        </Typography>
      )}
      <Table
        // Sortable headers nest a button in a button (axe: nested-interactive).
        options={{
          paging: false,
          search: false,
          toolbar: false,
          sorting: false,
        }}
        columns={columns}
        data={value.dependencies}
      />
    </InfoCard>
  );
}
