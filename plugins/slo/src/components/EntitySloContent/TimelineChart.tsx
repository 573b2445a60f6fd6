import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatPercent } from '@triad/plugin-slo-common';
import { ReactNode } from 'react';
import {
  CartesianGrid,
  Legend,
  LineChart,
  ResponsiveContainer,
  YAxis,
  YAxisProps,
} from 'recharts';
import { percentTooltip } from './percentTooltip';
import { TimeAxis } from './timeAxis';
import { timeXAxis } from './timeXAxis';

// Not `formatPercent` itself: recharts passes the tick's index second.
const pct = (v: number) => formatPercent(v);

/**
 * A titled chart of ratios over an SLO's period, with a grid, a time axis, a
 * percentage axis, a tooltip and a legend. `children` (reference lines,
 * markers and lines) are put straight into the chart, as recharts needs them.
 */
export function TimelineChart(props: {
  title: string;
  testId: string;
  points: { t: number }[];
  axis: TimeAxis;
  /** The y axis' range; recharts' default when not given. */
  yDomain?: YAxisProps['domain'];
  children: ReactNode;
}) {
  const { title, testId, points, axis, yDomain, children } = props;
  return (
    <>
      <Typography variant="subtitle2">{title}</Typography>
      <Box height={220} data-testid={testId}>
        <ResponsiveContainer>
          <LineChart data={points}>
            <CartesianGrid strokeDasharray="3 3" />
            {timeXAxis(axis)}
            <YAxis domain={yDomain} tickFormatter={pct} width={80} />
            {percentTooltip()}
            <Legend />
            {children}
          </LineChart>
        </ResponsiveContainer>
      </Box>
    </>
  );
}
