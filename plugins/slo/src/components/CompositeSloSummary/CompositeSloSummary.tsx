import { Progress, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  CompositeSloPartResult,
  CompositeSloResult,
  formatPercent,
  SloSummaryRef,
} from '@triad/plugin-slo-common';
import { BackendErrorPanel } from '@triad/frontend-utils';
import useAsync from 'react-use/esm/useAsync';
import { sloApiRef } from '../../api/SloApi';
import { BudgetBar } from '../BudgetBar';
import { SloStatusChip } from '../SloStatusChip';

const columns: TableColumn<CompositeSloPartResult>[] = [
  {
    title: 'Part',
    render: p =>
      p.hidden ? 'A part you may not read' : p.displayName ?? p.title ?? p.ref,
  },
  {
    title: 'Weight',
    render: p => `${p.weight} (${formatPercent(p.weightShare, 1)})`,
  },
  { title: 'Budget spent', render: p => formatPercent(p.consumed, 1) },
  {
    title: 'Contribution',
    render: p => formatPercent(p.contribution, 1),
  },
  { title: 'Status', render: p => <SloStatusChip status={p.status} /> },
];

/** The composite's own figures, its problems, and each part's share. */
export function CompositeSloFigures(props: { composite: CompositeSloResult }) {
  const { composite } = props;
  const withoutData = composite.parts.filter(p => p.consumed === undefined);
  return (
    <Box mb={2} data-testid={`composite-${composite.name}`}>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="subtitle1">{composite.title}</Typography>
        <SloStatusChip status={composite.status} />
      </Box>
      {composite.problems.map(p => (
        <Typography key={p.path} color="error" variant="body2">
          Not evaluated: {p.path}: {p.message}
        </Typography>
      ))}
      <Typography variant="body2">
        Composite of {composite.parts.length} SLOs: the weighted share of the
        parts' error budgets spent.
      </Typography>
      <BudgetBar remaining={composite.remaining} />
      <Table
        // Sortable headers nest a button in a button (axe: nested-interactive).
        options={{
          paging: false,
          search: false,
          toolbar: false,
          sorting: false,
        }}
        columns={columns}
        data={composite.parts}
      />
      {withoutData.length > 0 && !composite.problems.length && (
        <Typography variant="caption" display="block">
          Parts without data are left out of the weighted share.
        </Typography>
      )}
    </Box>
  );
}

/**
 * A composite SLO that measures the entity (a system or a domain), fetched
 * from `GET /v1/slos/:namespace/:name/composite`.
 */
export function CompositeSloSummary(props: { slo: SloSummaryRef }) {
  const { namespace, name } = props.slo;
  const api = useApi(sloApiRef);
  const { value, loading, error } = useAsync(
    () => api.getCompositeSlo(namespace, name),
    [api, namespace, name],
  );
  if (loading) return <Progress />;
  if (error) return <BackendErrorPanel error={error} />;
  return value ? <CompositeSloFigures composite={value} /> : null;
}
