import { flatness, percentile, windowFigures } from './windows';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20
    // rank ceil(0.5 × 20) = 10, ceil(0.95 × 20) = 19, ceil(0.99 × 20) = 20
    expect(percentile(values, 50)).toBe(10);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 99)).toBe(20);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('windowFigures', () => {
  const MIB = 1024 * 1024;
  const start = 1_000_000;
  const windows = windowFigures({
    start,
    windowMs: 1_000,
    count: 2,
    requests: [
      { at: start + 10, kind: 'fleet', ms: 30, ok: true },
      { at: start + 20, kind: 'fleet', ms: 10, ok: true },
      { at: start + 30, kind: 'push', ms: 5, ok: false },
      { at: start + 1_000, kind: 'fleet', ms: 40, ok: true },
      // after the last window: counted nowhere
      { at: start + 2_000, kind: 'fleet', ms: 1, ok: false },
    ],
    process: [
      {
        at: start - 10,
        heapUsed: 1,
        majorGcs: 0,
        rss: 1,
        handles: 1,
        timers: 1,
      },
      {
        at: start + 100,
        heapUsed: 50 * MIB,
        majorGcs: 0,
        rss: 90 * MIB,
        handles: 20,
        timers: 8,
      },
      {
        at: start + 500,
        heapUsed: 40 * MIB,
        heapAfterMajorGc: 30 * MIB,
        majorGcs: 1,
        rss: 91 * MIB,
        handles: 22,
        timers: 9,
      },
      {
        at: start + 900,
        heapUsed: 60 * MIB,
        heapAfterMajorGc: 34 * MIB,
        majorGcs: 3,
        rss: 92 * MIB,
        handles: 30,
        timers: 7,
      },
      {
        at: start + 1_500,
        heapUsed: 45 * MIB,
        heapAfterMajorGc: 36 * MIB,
        majorGcs: 4,
        rss: 95 * MIB,
        handles: 25,
        timers: 12,
      },
    ],
    scheduledRuns: [start - 5, start + 400, start + 1_999],
  });

  it('counts requests, errors and runs per window', () => {
    expect(windows.map(w => [w.requests, w.errors, w.scheduledRuns])).toEqual([
      [3, 1, 1],
      [1, 0, 1],
    ]);
  });

  it('gives latency percentiles per kind', () => {
    expect(windows[0].latency).toEqual({
      fleet: { count: 2, p50: 10, p95: 30, p99: 30 },
      push: { count: 1, p50: 5, p95: 5, p99: 5 },
    });
    expect(windows[1].latency.fleet).toEqual({
      count: 1,
      p50: 40,
      p95: 40,
      p99: 40,
    });
  });

  it('sums up the process samples', () => {
    // the median of 30 and 34 MiB by nearest rank is 30; the sample before the window does not count
    expect(windows[0]).toMatchObject({
      heapLive: 30 * MIB,
      majorGcs: 3,
      heapLow: 40 * MIB,
      heapHigh: 60 * MIB,
      rssLast: 92 * MIB,
      handles: 22,
      timers: 8,
      diagnostics: 3,
    });
  });

  it('counts the full collections since the window before', () => {
    expect(windows[1]).toMatchObject({ heapLive: 36 * MIB, majorGcs: 1 });
  });

  it('compares the last window with the first after warm-up', () => {
    const criterion = { heapShare: 0.2, handles: 3, timers: 3 };
    const warm = { ...windows[0], index: 0 };
    // live heap 30 → 36 MiB: +20 %; handles 22 → 25: +3; timers 8 → 12: +4
    expect(flatness([warm, windows[0], windows[1]], criterion)).toEqual({
      heapChange: 0.2,
      handlesChange: 3,
      timersChange: 4,
      held: false,
    });
    expect(
      flatness([warm, windows[0], windows[1]], { ...criterion, timers: 4 })
        .held,
    ).toBe(true);
  });
});
