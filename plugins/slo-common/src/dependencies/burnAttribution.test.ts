import {
  bucketBurnRate,
  burnAttribution,
  burnedBudget,
  burningBucketStarts,
} from './burnAttribution';

const STEP = 60_000;
/** Buckets from [good, total] pairs, one step apart from 0. */
const buckets = (...counts: Array<[number, number]>) =>
  counts.map(([good, total], i) => ({ start: i * STEP, good, total }));

describe('bucketBurnRate', () => {
  it('is the error rate over what the target allows', () => {
    // 2 bad of 1,000 = 0.002; a 99.9 % target allows 0.001: 2×.
    expect(
      bucketBurnRate({ start: 0, good: 998, total: 1000 }, 0.999),
    ).toBeCloseTo(2, 12);
    // 1 bad of 1,000 against 99.9 %: exactly 1×.
    expect(
      bucketBurnRate({ start: 0, good: 999, total: 1000 }, 0.999),
    ).toBeCloseTo(1, 12);
  });

  it('is undefined without counts or without a budget', () => {
    expect(
      bucketBurnRate({ start: 0, good: 0, total: 0 }, 0.99),
    ).toBeUndefined();
    expect(bucketBurnRate({ start: 0, good: 9, total: 10 }, 1)).toBeUndefined();
  });
});

describe('burningBucketStarts', () => {
  it('keeps the buckets where one of the series burned faster than 1×', () => {
    // Target 99 %: 1 % allowed. Bucket 0: 5 % → 5×; bucket 1: 1 % → 1×, not
    // faster; bucket 2: empty. Second series (90 %): bucket 2 has 20 % → 2×.
    const starts = burningBucketStarts([
      { target: 0.99, buckets: buckets([95, 100], [99, 100], [0, 0]) },
      { target: 0.9, buckets: buckets([100, 100], [100, 100], [8, 10]) },
    ]);
    expect([...starts].sort((a, b) => a - b)).toEqual([0, 2 * STEP]);
  });
});

describe('burnAttribution', () => {
  // The SLO burned 10, 0, 30 and 60 bad events in four buckets: 100 in all.
  const slo = buckets([990, 1000], [1000, 1000], [970, 1000], [940, 1000]);

  it('is the share of the burned budget in the buckets where the dependency burned', () => {
    // Dependency at 99.9 %: bucket 2 has 5 bad of 1,000 (5×), bucket 3 has
    // 1 of 1,000 (1×, not faster), bucket 0 none. Only bucket 2 counts: the
    // SLO burned 30 of its 100 there → 0.3.
    const db = {
      target: 0.999,
      buckets: buckets([1000, 1000], [1000, 1000], [995, 1000], [999, 1000]),
    };
    expect(burnAttribution(slo, [db])).toEqual({
      burned: 30,
      share: 0.3,
      buckets: 1,
    });
  });

  it('counts a dependency burning while the SLO did not as a bucket, with no burn', () => {
    // Dependency burns in bucket 1 only (20 % bad against 99 %: 20×), where
    // the SLO burned nothing: share 0 of 100, one bucket.
    const cache = {
      target: 0.99,
      buckets: buckets([10, 10], [8, 10], [10, 10], [10, 10]),
    };
    expect(burnAttribution(slo, [cache])).toEqual({
      burned: 0,
      share: 0,
      buckets: 1,
    });
  });

  it('lets shares of different dependencies overlap', () => {
    // A burns in buckets 2 and 3 (30 + 60 = 90 → 0.9); B in 0 and 3
    // (10 + 60 = 70 → 0.7): 0.9 + 0.7 = 1.6, more than the whole.
    const a = {
      target: 0.9,
      buckets: buckets([10, 10], [10, 10], [0, 10], [0, 10]),
    };
    const b = {
      target: 0.9,
      buckets: buckets([0, 10], [10, 10], [10, 10], [0, 10]),
    };
    expect(burnAttribution(slo, [a]).share).toBeCloseTo(0.9, 12);
    expect(burnAttribution(slo, [b]).share).toBeCloseTo(0.7, 12);
    // One dependency with both SLOs burns when either does: buckets 0, 2, 3
    // → 10 + 30 + 60 = 100 → 1.
    expect(burnAttribution(slo, [a, b])).toEqual({
      burned: 100,
      share: 1,
      buckets: 3,
    });
  });

  it('gives no share when the SLO burned nothing', () => {
    const clean = buckets([10, 10], [10, 10]);
    const dep = { target: 0.9, buckets: buckets([0, 10], [0, 10]) };
    const result = burnAttribution(clean, [dep]);
    expect(result).toEqual({ burned: 0, buckets: 2 });
    expect('share' in result).toBe(false);
  });

  it('matches buckets by their start, whatever the order', () => {
    const dep = {
      target: 0.9,
      buckets: [...buckets([10, 10], [10, 10], [10, 10], [0, 10])].reverse(),
    };
    // Bucket 3 only: 60 of 100.
    expect(burnAttribution([...slo].reverse(), [dep]).share).toBeCloseTo(
      0.6,
      12,
    );
  });
});

describe('burnedBudget', () => {
  it('adds the bad events, counting a bucket with more good than total as none', () => {
    // 10 + 0 + 3 bad; the bucket with 12 good of 10 (a late push) counts 0.
    expect(burnedBudget(buckets([90, 100], [12, 10], [7, 10]))).toBe(13);
  });
});
