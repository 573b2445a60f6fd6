import { SloEvent, SloEventType } from '@triad/plugin-slo-common';
import { ReferenceLine } from 'recharts';

const COLOURS: Record<SloEventType, string> = {
  deploy: '#6a1b9a',
  incident: '#c62828',
  maintenance: '#ef6c00',
};

/**
 * A vertical line per event, labelled with its title, for a time-axis chart.
 * Returned as elements (not a component) because recharts only draws
 * reference lines that are direct children of the chart. Events outside the
 * chart's range are left out by recharts.
 */
export function eventMarkerLines(events: readonly SloEvent[]) {
  return events.map(e => (
    <ReferenceLine
      key={`${e.type}:${e.id}`}
      x={Date.parse(e.time)}
      stroke={COLOURS[e.type]}
      strokeDasharray="2 2"
      label={{
        value: e.title,
        position: 'insideTopLeft',
        fontSize: 11,
        fill: COLOURS[e.type],
      }}
    />
  ));
}
