import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import {
  BurnDependent,
  formatPercent,
  TeamSloDependents,
} from '@triad/plugin-slo-common';
import { BackendErrorPanel } from '@triad/frontend-utils';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sloApiRef } from '../../api/SloApi';

/** One row: a dependent SLO beside the team SLO it burned with. */
type Row = BurnDependent & { team: TeamSloDependents };

const sloName = (slo: { ref: string; title?: string }) =>
  slo.title ?? parseEntityRef(slo.ref).name;

const columns: TableColumn<Row>[] = [
  {
    title: "This team's SLO",
    render: r =>
      `${sloName(r.team.slo)} (${parseEntityRef(r.team.entityRef).name})`,
  },
  {
    title: 'Dependent service',
    render: r => <EntityRefLink entityRef={r.entityRef} />,
  },
  {
    title: 'Path',
    render: r => r.path.map(ref => parseEntityRef(ref).name).join(' → '),
  },
  { title: 'Its SLO', render: r => sloName(r.slo) },
  {
    title: 'Share of its burn',
    render: r => formatPercent(r.share, 1),
  },
  {
    title: 'Owner',
    render: r => (r.owner ? <EntityRefLink entityRef={r.owner} /> : '–'),
  },
];

/**
 * Group page card, the reverse of the SLO tab's attribution: for the SLOs
 * of what the team owns or holds a role for, the dependent services whose
 * budgets burned while those SLOs burned faster than 1×, with the share of
 * their burn that coincided.
 *
 * @public
 */
export function EntityBurnDependentsCard() {
  const { entity } = useEntity();
  const api = useApi(sloApiRef);
  const group = stringifyEntityRef(entity);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getBurnDependents(group),
    [api, group],
  );
  const rows: Row[] =
    value?.slos.flatMap(team => team.dependents.map(d => ({ ...d, team }))) ??
    [];
  return (
    <InfoCard
      title="Services that burned while this team's SLOs did"
      subheader="Share of each dependent SLO's bad events that fell while this team's SLO was burning faster than 1× over its window: it coincided, it does not show the cause."
    >
      {loading && <Progress />}
      {error && <BackendErrorPanel error={error} onRetry={retry} />}
      {value && value.slos.length === 0 && (
        <Typography variant="body2">
          Nothing this team owns or answers for has an availability SLO.
        </Typography>
      )}
      {value && value.slos.length > 0 && rows.length === 0 && (
        <Typography variant="body2" data-testid="burn-dependents-none">
          No dependent service burned while this team's{' '}
          {value.slos.length === 1 ? 'SLO' : `${value.slos.length} SLOs`}{' '}
          burned.
        </Typography>
      )}
      {value?.slos
        .filter(t => t.problem)
        .map(t => (
          <Typography variant="caption" display="block" key={t.slo.ref}>
            {sloName(t.slo)}: {t.problem}
          </Typography>
        ))}
      {value?.truncated && (
        <Typography variant="caption" display="block">
          Only the first SLOs and dependents are read; some are left out.
        </Typography>
      )}
      {rows.length > 0 && (
        <Table
          // Sortable headers nest a button in a button (axe: nested-interactive).
          options={{
            paging: rows.length > 10,
            pageSize: 10,
            search: false,
            toolbar: false,
            sorting: false,
          }}
          columns={columns}
          data={rows}
        />
      )}
    </InfoCard>
  );
}
