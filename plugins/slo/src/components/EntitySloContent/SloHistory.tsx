import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { formatPercent, SloResult } from '@triad/plugin-slo-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { Legend, Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import { sloApiRef } from '../../api/SloApi';
import { BackendErrorPanel } from '@triad/frontend-utils';
import { historySeries } from './historySeries';
import { percentTooltip } from './percentTooltip';
import { timeAxis } from './timeAxis';
import { timeXAxis } from './timeXAxis';

const RANGES = [
  { label: 'Last 6 hours', ms: 6 * 3_600_000 },
  { label: 'Last day', ms: 86_400_000 },
  { label: 'Last 7 days', ms: 7 * 86_400_000 },
  { label: 'Last 30 days', ms: 30 * 86_400_000 },
];

const COLOURS = ['#1976d2', '#ef6c00', '#2e7d32', '#6a1b9a', '#c62828'];

/**
 * Remaining budget of every objective as evaluated over time (stored
 * snapshots), with a range picker.
 */
export function SloHistory(props: { slo: SloResult }) {
  const api = useApi(sloApiRef);
  const { slo } = props;
  const [rangeMs, setRangeMs] = useState(RANGES[1].ms);
  const { value, loading, error } = useAsync(() => {
    const to = new Date();
    return api.getSloHistory(slo.namespace, slo.name, {
      from: new Date(to.getTime() - rangeMs),
      to,
    });
  }, [api, slo.namespace, slo.name, rangeMs]);
  const { points, lines } = historySeries(value?.points ?? [], slo.objectives);
  const axis =
    points.length > 0
      ? timeAxis(points[0].t!, points[points.length - 1].t!)
      : undefined;

  return (
    <Box>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="subtitle2">
          Budget left as evaluated over time
        </Typography>
        <TextField
          select
          size="small"
          label="History"
          value={rangeMs}
          onChange={e => setRangeMs(Number(e.target.value))}
          inputProps={{ 'aria-label': 'History range' }}
        >
          {RANGES.map(r => (
            <MenuItem key={r.ms} value={r.ms}>
              {r.label}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {loading && <Progress />}
      {error && <BackendErrorPanel error={error} />}
      {!loading && !error && points.length === 0 && (
        <Typography variant="body2">
          No evaluations stored in this range yet.
        </Typography>
      )}
      {axis && (
        <Box height={lines.length > 1 ? 200 : 160} data-testid="history-chart">
          <ResponsiveContainer>
            <LineChart data={points}>
              {timeXAxis(axis)}
              <YAxis tickFormatter={v => formatPercent(v, 0)} />
              {percentTooltip()}
              {lines.length > 1 && <Legend />}
              {lines.map((line, i) => (
                <Line
                  key={line.key}
                  dataKey={line.key}
                  name={line.name}
                  dot={false}
                  stroke={COLOURS[i % COLOURS.length]}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </Box>
      )}
    </Box>
  );
}
