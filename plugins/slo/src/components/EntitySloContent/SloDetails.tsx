import { InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  formatBudgetInTime,
  formatBudgetInUnits,
  formatPercent,
  SloResult,
  summarize,
} from '@triad/plugin-slo-common';
import { BudgetBar } from '../BudgetBar';
import { SloStatusChip } from '../SloStatusChip';
import { StaleNotice } from '../StaleNotice';
import { BurnRateTable } from './BurnRateTable';
import { SloCharts } from './SloCharts';
import { SloHistory } from './SloHistory';

function windowText(slo: SloResult): string {
  const w = slo.timeWindow;
  return w.type === 'rolling'
    ? `rolling ${w.duration}`
    : `calendar ${w.duration} from ${w.startTime} (${w.timeZone})`;
}

/** Everything about one SLO: objectives, numbers, charts, burn rates, source. */
export function SloDetails(props: { slo: SloResult }) {
  const { slo } = props;
  return (
    <InfoCard
      title={
        <Box display="flex" alignItems="center" justifyContent="space-between">
          <span>{slo.title}</span>
          <SloStatusChip status={slo.status} />
        </Box>
      }
      subheader={`${slo.budgetingMethod}, ${windowText(slo)}${
        slo.description ? ` — ${slo.description}` : ''
      }`}
    >
      <StaleNotice slo={slo} />
      {slo.objectives.map(o => (
        <Box key={o.index} mb={3}>
          <Table size="small" aria-label="Objective">
            <TableHead>
              <TableRow>
                <TableCell>Objective</TableCell>
                <TableCell>Target</TableCell>
                <TableCell>SLI</TableCell>
                <TableCell>Budget left</TableCell>
                <TableCell>In time</TableCell>
                <TableCell>
                  In {o.budget.totalSlices !== undefined ? 'slices' : 'events'}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              <TableRow>
                <TableCell>
                  {o.displayName ?? `Objective ${o.index + 1}`}
                </TableCell>
                <TableCell>{formatPercent(o.target, 3)}</TableCell>
                <TableCell>{formatPercent(o.sli, 3)}</TableCell>
                <TableCell style={{ minWidth: 160 }}>
                  <BudgetBar remaining={o.budget.remaining} />
                </TableCell>
                <TableCell>{formatBudgetInTime(o)}</TableCell>
                <TableCell>{formatBudgetInUnits(o) ?? '–'}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <Box my={2}>
            <Typography variant="body1" data-testid="slo-summary">
              {summarize(o, slo)}
            </Typography>
          </Box>
          <BurnRateTable objective={o} />
        </Box>
      ))}
      <SloCharts slo={slo} />
      <Box mt={2}>
        <SloHistory slo={slo} />
      </Box>
      <Box mt={2}>
        <Typography variant="caption" display="block">
          Data source:{' '}
          {slo.dataSource
            ? `${slo.dataSource.name} (${slo.dataSource.type})`
            : 'unknown'}{' '}
          · evaluated {new Date(slo.evaluatedAt).toLocaleString()}
          {slo.sourceUrl && (
            <>
              {' · '}
              {/* Underlined: in running text, colour alone does not mark a link. */}
              <Link to={slo.sourceUrl} underline="always">
                open in the data source
              </Link>
            </>
          )}
        </Typography>
      </Box>
    </InfoCard>
  );
}
