import { formatPercent } from '@triad/plugin-slo-common';
import { Tooltip } from 'recharts';

/**
 * The tooltip of a chart of ratios over time: the time in full, each value as
 * a percentage. An element, not a component, for the same reason as
 * `timeXAxis`.
 */
export function percentTooltip() {
  return (
    <Tooltip
      labelFormatter={t => new Date(Number(t)).toLocaleString()}
      formatter={(v: number) => formatPercent(v)}
    />
  );
}
