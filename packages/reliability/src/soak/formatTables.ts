import { WindowFigures } from './windows';

const MIB = 1024 * 1024;
const mib = (bytes: number) => (bytes / MIB).toFixed(0);
const ms = (value: number) =>
  value < 10 ? value.toFixed(1) : value.toFixed(0);

function table(head: string[], rows: string[][]): string[] {
  return [head, head.map(() => '---'), ...rows].map(
    cells => `| ${cells.join(' | ')} |`,
  );
}

/**
 * The soak's figures as two Markdown tables, ready for the README: the
 * backend per window, and latency percentiles per kind of request and window.
 */
export function formatTables(
  windows: WindowFigures[],
  windowMs: number,
): string[] {
  const minutes = windowMs / 60_000;
  const label = (w: WindowFigures) =>
    `${+(w.index * minutes).toFixed(1)}–${+((w.index + 1) * minutes).toFixed(
      1,
    )} min`;
  const kinds = [...new Set(windows.flatMap(w => Object.keys(w.latency)))];
  return [
    ...table(
      [
        'window',
        'requests',
        'errors',
        'scheduled runs',
        'live heap after full GC (MiB)',
        'full GCs',
        'heap used, low–high (MiB)',
        'RSS at the end (MiB)',
        'handles (median)',
        'timers (median)',
      ],
      windows.map(w => [
        `${label(w)}${w.index === 0 ? ' (warm-up)' : ''}`,
        String(w.requests),
        String(w.errors),
        String(w.scheduledRuns),
        mib(w.heapLive),
        String(w.majorGcs),
        `${mib(w.heapLow)}–${mib(w.heapHigh)}`,
        mib(w.rssLast),
        String(w.handles),
        String(w.timers),
      ]),
    ),
    '',
    ...table(
      ['latency p50 / p95 / p99 (ms)', ...windows.map(label)],
      kinds.map(kind => [
        kind,
        ...windows.map(w => {
          const l = w.latency[kind];
          return l ? `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}` : '–';
        }),
      ]),
    ),
  ];
}
