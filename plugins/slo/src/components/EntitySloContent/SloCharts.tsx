import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { SloResult } from '@triad/plugin-slo-common';
import useAsync from 'react-use/esm/useAsync';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { sloApiRef } from '../../api/SloApi';
import { BackendErrorPanel } from '@triad/frontend-utils';
import { eventMarkerLines } from './eventMarkerLines';
import { SloEventTable } from './SloEventTable';
import { timeAxis } from './timeAxis';

const pct = (v: number) => `${(v * 100).toFixed(2)} %`;

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
      {value?.objectives.map(o => {
        const axis = timeAxis(
          o.points[0]?.t ?? 0,
          o.points[o.points.length - 1]?.t ?? 0,
        );
        return o.points.length === 0 ? (
          <Typography key={o.index} variant="body2">
            This data source offers no timeline; see the history below.
          </Typography>
        ) : (
          <Grid container spacing={2} key={o.index}>
            <Grid item xs={12} md={6}>
              <Typography variant="subtitle2">
                SLI over the period (target {pct(o.target)})
              </Typography>
              <Box height={220} data-testid="sli-chart">
                <ResponsiveContainer>
                  <LineChart data={o.points}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis
                      dataKey="t"
                      type="number"
                      domain={['dataMin', 'dataMax']}
                      ticks={axis.ticks}
                      tickFormatter={axis.format}
                    />
                    <YAxis
                      domain={[
                        (min: number) =>
                          Math.min(min, o.target) - (1 - o.target),
                        1,
                      ]}
                      tickFormatter={pct}
                      width={80}
                    />
                    <Tooltip
                      labelFormatter={t => new Date(Number(t)).toLocaleString()}
                      formatter={(v: number) => pct(v)}
                    />
                    <Legend />
                    <ReferenceLine
                      y={o.target}
                      stroke="#d32f2f"
                      strokeDasharray="4 4"
                      label="target"
                    />
                    {markers}
                    <Line
                      type="monotone"
                      dataKey="sli"
                      name="SLI since period start"
                      dot={false}
                      stroke="#1976d2"
                      isAnimationActive={false}
                    />
                  </LineChart>
                </ResponsiveContainer>
              </Box>
            </Grid>
            <Grid item xs={12} md={6}>
              <Typography variant="subtitle2">
                Error budget burn-down
              </Typography>
              <Box height={220} data-testid="burndown-chart">
                <ResponsiveContainer>
                  <LineChart data={o.points}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis
                      dataKey="t"
                      type="number"
                      domain={['dataMin', 'dataMax']}
                      ticks={axis.ticks}
                      tickFormatter={axis.format}
                    />
                    <YAxis tickFormatter={pct} width={80} />
                    <Tooltip
                      labelFormatter={t => new Date(Number(t)).toLocaleString()}
                      formatter={(v: number) => pct(v)}
                    />
                    <Legend />
                    <ReferenceLine y={0} stroke="#d32f2f" />
                    {markers}
                    <Line
                      type="monotone"
                      dataKey="remaining"
                      name="Budget left"
                      dot={false}
                      stroke="#1976d2"
                      isAnimationActive={false}
                    />
                    <Line
                      type="linear"
                      dataKey="idealRemaining"
                      name="Spending evenly"
                      dot={false}
                      stroke="#9e9e9e"
                      strokeDasharray="5 5"
                      isAnimationActive={false}
                    />
                  </LineChart>
                </ResponsiveContainer>
              </Box>
            </Grid>
          </Grid>
        );
      })}
      <SloEventTable events={events.value?.items ?? []} sloRef={slo.ref} />
    </>
  );
}
