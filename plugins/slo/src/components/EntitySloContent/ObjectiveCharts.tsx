import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { formatPercent, SloTimelineResponse } from '@triad/plugin-slo-common';
import { ReactNode } from 'react';
import { Line, ReferenceLine } from 'recharts';
import { timeAxis } from './timeAxis';
import { TimelineChart } from './TimelineChart';

/**
 * One objective's SLI against its target and its budget burn-down against
 * spending evenly, side by side on one time axis.
 */
export function ObjectiveCharts(props: {
  objective: SloTimelineResponse['objectives'][number];
  /** Event markers, drawn over both charts. */
  markers: ReactNode;
}) {
  const { objective: o, markers } = props;
  if (o.points.length === 0) {
    return (
      <Typography variant="body2">
        This data source offers no timeline; see the history below.
      </Typography>
    );
  }
  const axis = timeAxis(o.points[0].t, o.points[o.points.length - 1].t);
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6}>
        <TimelineChart
          title={`SLI over the period (target ${formatPercent(o.target)})`}
          testId="sli-chart"
          points={o.points}
          axis={axis}
          yDomain={[
            (min: number) => Math.min(min, o.target) - (1 - o.target),
            1,
          ]}
        >
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
        </TimelineChart>
      </Grid>
      <Grid item xs={12} md={6}>
        <TimelineChart
          title="Error budget burn-down"
          testId="burndown-chart"
          points={o.points}
          axis={axis}
        >
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
        </TimelineChart>
      </Grid>
    </Grid>
  );
}
