import { XAxis } from 'recharts';
import { TimeAxis } from './timeAxis';

/**
 * The x axis of a chart over time (points keyed `t`, in ms). Returned as an
 * element (not a component) because recharts only draws axes that are direct
 * children of the chart.
 */
export function timeXAxis(axis: TimeAxis) {
  return (
    <XAxis
      dataKey="t"
      type="number"
      domain={['dataMin', 'dataMax']}
      ticks={axis.ticks}
      tickFormatter={axis.format}
    />
  );
}
