import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import {
  formatBurnRate,
  humanizeDuration,
  SloObjectiveResult,
} from '@triad/plugin-slo-common';

/**
 * Long- and short-window burn rates of every alert tier against its
 * threshold, and where its alerts go when its policies name targets.
 */
export function BurnRateTable(props: { objective: SloObjectiveResult }) {
  const notifies = props.objective.alerts.some(
    a => a.notificationTargets?.length,
  );
  return (
    <Table size="small" aria-label="Burn rates per alert tier">
      <TableHead>
        <TableRow>
          <TableCell>Tier</TableCell>
          <TableCell>Severity</TableCell>
          <TableCell>Long window</TableCell>
          <TableCell>Short window</TableCell>
          <TableCell>
            <Tooltip title="The tier fires when both windows burn faster than this (for as long as it says). It is the rate that spends the tier's share of the budget within the long window; calendar periods count a month as 30 days, as the generated Prometheus rules do.">
              <span>Threshold</span>
            </Tooltip>
          </TableCell>
          <TableCell>State</TableCell>
          {notifies && (
            <TableCell>
              <Tooltip title="The notification targets of the tier's alert policies; the generated Prometheus alerts carry their names in the notification_targets label.">
                <span>Notifies</span>
              </Tooltip>
            </TableCell>
          )}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.objective.alerts.map(a => (
          <TableRow key={a.name}>
            <TableCell>{a.name}</TableCell>
            <TableCell>{a.severity}</TableCell>
            <TableCell>
              {formatBurnRate(a.longBurnRate)} over{' '}
              {humanizeDuration(a.longWindowMs)}
            </TableCell>
            <TableCell>
              {formatBurnRate(a.shortBurnRate)} over{' '}
              {humanizeDuration(a.shortWindowMs)}
            </TableCell>
            <TableCell>
              {a.op === 'gte' ? '≥ ' : '> '}
              {formatBurnRate(a.factor)}
              {a.for && a.for !== '0m' ? `, for ${a.for}` : ''}
            </TableCell>
            <TableCell>{a.firing ? <strong>Firing</strong> : 'OK'}</TableCell>
            {notifies && (
              <TableCell>
                {(a.notificationTargets ?? [])
                  .map(t => `${t.displayName ?? t.name} (${t.target})`)
                  .join(', ') || '—'}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
