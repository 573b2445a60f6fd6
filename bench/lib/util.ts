export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** The q-th quantile (0..1) of samples, nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil(q * sorted.length) - 1),
  );
  return sorted[rank];
}

export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

/** p50 and p99 in ms, with the count. */
export function summary(samples: readonly number[]) {
  return {
    n: samples.length,
    p50: quantile(samples, 0.5),
    p99: quantile(samples, 0.99),
    max: samples.length ? Math.max(...samples) : NaN,
  };
}

/** High-resolution milliseconds. */
export const now = () => performance.now();

/** Times `fn` `n` times (after `warmup` untimed runs); ms per call. */
export async function timeEach(
  n: number,
  fn: (i: number) => unknown,
  warmup = Math.min(50, n),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = now();
    await fn(i);
    out.push(now() - t);
  }
  return out;
}

/** Runs the garbage collector (node --expose-gc) a few times. */
export function gc() {
  const g = (globalThis as any).gc as undefined | (() => void);
  if (!g) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 3; i++) g();
}

/** Samples memory every `everyMs` until stopped; gives the peaks. */
export function memorySampler(everyMs = 50) {
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
      return {
        baseHeap: base.heapUsed,
        baseRss: base.rss,
        peakHeap,
        peakRss,
      };
    },
  };
}

export const MiB = 1024 * 1024;

/** mulberry32: a small seeded PRNG, so data is the same on every run. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
