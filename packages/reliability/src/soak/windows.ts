/** One request of the soak as the client saw it. */
export interface RequestSample {
  /** When it was answered (epoch ms). */
  at: number;
  kind: string;
  ms: number;
  /** 2xx with the expected body. */
  ok: boolean;
}

/** One `process diagnostics` line of the backend (see src/backend/processDiagnostics.ts). */
export interface ProcessSample {
  at: number;
  heapUsed: number;
  /** Heap used right after the latest full collection, if there was one yet. */
  heapAfterMajorGc?: number;
  /** Full collections since the backend started. */
  majorGcs: number;
  rss: number;
  handles: number;
  timers: number;
}

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

/** What one window of the soak measured. */
export interface WindowFigures {
  index: number;
  requests: number;
  errors: number;
  latency: Record<string, Latency>;
  /** Scheduled evaluations that started in the window. */
  scheduledRuns: number;
  /** Median of the heap used after the latest full collection: the live set. */
  heapLive: number;
  /** Full collections in the window. */
  majorGcs: number;
  heapLow: number;
  heapHigh: number;
  rssLast: number;
  /** Medians over the window's diagnostics samples. */
  handles: number;
  timers: number;
  diagnostics: number;
}

/** The nearest-rank percentile (`p` in 0–100) of ascending values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/**
 * Splits the soak from `start` into `count` windows of `windowMs` and sums
 * each one up; a sample belongs to the window its time falls in.
 */
export function windowFigures(options: {
  start: number;
  windowMs: number;
  count: number;
  requests: RequestSample[];
  process: ProcessSample[];
  scheduledRuns: number[];
}): WindowFigures[] {
  const { start, windowMs, count } = options;
  const windowOf = (at: number) => Math.floor((at - start) / windowMs);
  return Array.from({ length: count }, (_, index) => {
    const inWindow = <T>(items: T[], at: (item: T) => number) =>
      items.filter(item => windowOf(at(item)) === index);
    const requests = inWindow(options.requests, r => r.at);
    const process = inWindow(options.process, p => p.at);
    const byKind = new Map<string, number[]>();
    for (const r of requests) {
      byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.ms]);
    }
    const latency: Record<string, Latency> = {};
    for (const [kind, values] of byKind) {
      const sorted = values.sort((a, b) => a - b);
      latency[kind] = {
        count: sorted.length,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
      };
    }
    const heaps = process.map(p => p.heapUsed);
    const before = options.process.filter(p => windowOf(p.at) < index).pop();
    const live = process.flatMap(p =>
      p.heapAfterMajorGc === undefined ? [] : [p.heapAfterMajorGc],
    );
    return {
      index,
      requests: requests.length,
      errors: requests.filter(r => !r.ok).length,
      latency,
      scheduledRuns: inWindow(options.scheduledRuns, t => t).length,
      heapLive: median(live),
      majorGcs: process.length
        ? process[process.length - 1].majorGcs - (before?.majorGcs ?? 0)
        : 0,
      heapLow: heaps.length ? Math.min(...heaps) : NaN,
      heapHigh: heaps.length ? Math.max(...heaps) : NaN,
      rssLast: process.length ? process[process.length - 1].rss : NaN,
      handles: median(process.map(p => p.handles)),
      timers: median(process.map(p => p.timers)),
      diagnostics: process.length,
    };
  });
}

/** When the backend counts as flat after warm-up. */
export interface FlatCriterion {
  /** Largest change of the live heap (after full collections), as a share (0.2 = 20 %). */
  heapShare: number;
  /** Largest change of the median number of handles, and of timers. */
  handles: number;
  timers: number;
}

/**
 * Compares the last window with the first one after warm-up (the second
 * window; the first is warm-up): live heap, median handles and median timers.
 */
export function flatness(windows: WindowFigures[], criterion: FlatCriterion) {
  const first = windows[1];
  const last = windows[windows.length - 1];
  const heapChange = (last.heapLive - first.heapLive) / first.heapLive;
  const handlesChange = last.handles - first.handles;
  const timersChange = last.timers - first.timers;
  return {
    heapChange,
    handlesChange,
    timersChange,
    held:
      Math.abs(heapChange) <= criterion.heapShare &&
      Math.abs(handlesChange) <= criterion.handles &&
      Math.abs(timersChange) <= criterion.timers,
  };
}
