import { Link } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  formatPercent,
  SloEvent,
  SloEventBudget,
} from '@triad/plugin-slo-common';

function spentText(b: SloEventBudget): string {
  const after =
    b.after === undefined
      ? 'no data yet'
      : `${formatPercent(b.after, 1)}${b.afterComplete ? '' : ' so far'}`;
  return `${formatPercent(
    b.before,
    1,
  )} in the hour before, ${after} in the hour after`;
}

/**
 * The deploys, incidents and maintenance marked on the charts, and for each
 * deploy the share of the period's budget this SLO spent in the hour before
 * and the hour after it.
 */
export function SloEventTable(props: {
  events: readonly SloEvent[];
  sloRef: string;
}) {
  const { events, sloRef } = props;
  if (events.length === 0) return null;
  return (
    <>
      <Typography variant="subtitle2">Deploys and incidents</Typography>
      <Typography variant="caption" display="block">
        Budget spent is the fall of the budget left between stored evaluations,
        as a share of the period's budget; a negative figure is budget given
        back (old errors leaving the window).
      </Typography>
      <Table size="small" aria-label="Deploys and incidents">
        <TableHead>
          <TableRow>
            <TableCell>When</TableCell>
            <TableCell>Event</TableCell>
            <TableCell>Version</TableCell>
            <TableCell>Budget spent</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {events.map(e => {
            const budget = (e.budget ?? []).filter(b => b.sloRef === sloRef);
            return (
              <TableRow key={`${e.type}:${e.id}`}>
                <TableCell>
                  {new Date(e.time).toLocaleString()}
                  {e.end && ` – ${new Date(e.end).toLocaleString()}`}
                </TableCell>
                <TableCell>
                  {e.type}:{' '}
                  {e.link ? (
                    <Link to={e.link} underline="always">
                      {e.title}
                    </Link>
                  ) : (
                    e.title
                  )}
                </TableCell>
                <TableCell>{e.version ?? '–'}</TableCell>
                <TableCell>
                  {budget.length === 0
                    ? '–'
                    : budget.map(b => (
                        <div key={b.objectiveIndex}>
                          {budget.length > 1 &&
                            `${
                              b.displayName ??
                              `Objective ${b.objectiveIndex + 1}`
                            }: `}
                          {spentText(b)}
                        </div>
                      ))}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
