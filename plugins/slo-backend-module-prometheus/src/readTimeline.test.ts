import { InputError } from '@backstage/errors';
import { TimelinePlan } from './buildTimelineQuery';
import { PromSeries } from './queryPrometheus';
import { readTimeline } from './readTimeline';

const STEP = 60_000;
const plan = (over: Partial<TimelinePlan> = {}): TimelinePlan => ({
  query: '',
  range: { startMs: STEP, endMs: 2 * STEP, stepMs: STEP },
  steps: [
    { start: 0, end: STEP },
    { start: STEP, end: 2 * STEP },
    { start: 2 * STEP, end: 2 * STEP + 30_000 },
  ],
  reading: 'good/total',
  totalCounts: 'events',
  ...over,
});

const step = (part: string, values: number[]): PromSeries => ({
  metric: { slo_window: 'step', slo_part: part },
  values: values.map((v, i) => [((i + 1) * STEP) / 1000, String(v)]),
});
const instant = (key: string, part: string, value: string): PromSeries => ({
  metric: { slo_window: key, slo_part: part },
  values: [
    [STEP / 1000, value],
    [(2 * STEP) / 1000, value],
  ],
});

/** Rounded to 1e-9, for exact expectations on floating-point sums. */
const r = (v: number) => Math.round(v * 1e9) / 1e9;
const pairs = (buckets: { good: number; total: number }[]) =>
  buckets.map(b => [r(b.good), r(b.total)]);

describe('readTimeline', () => {
  it('scales the steps to the period, keeping their shape', () => {
    const buckets = readTimeline(plan(), [
      step('good', [99, 90]),
      step('total', [100, 100]),
      instant('last', 'good', '50'),
      instant('last', 'total', '50'),
      // The period has 10 % more events than the steps add up to, and 22 bad.
      instant('period', 'good', '253'),
      instant('period', 'total', '275'),
    ]);
    expect(buckets.map(b => b.start)).toEqual([0, STEP, 2 * STEP]);
    expect(buckets.map(b => r(b.total))).toEqual([110, 110, 55]);
    // The 11 bad events of the steps become the period's 22.
    expect(buckets[0].total - buckets[0].good).toBeCloseTo(2, 12);
    expect(buckets[1].total - buckets[1].good).toBeCloseTo(20, 12);
    expect(buckets[2].total - buckets[2].good).toBeCloseTo(0, 12);
  });

  it('reads bad counts and ratios weighed by their slices', () => {
    const bad = readTimeline(plan({ reading: 'bad/total' }), [
      step('bad', [1, 0]),
      step('total', [10, 10]),
      instant('last', 'total', '5'),
      instant('period', 'bad', '1'),
      instant('period', 'total', '25'),
    ]);
    expect(pairs(bad)).toEqual([
      [9, 10],
      [10, 10],
      [5, 5],
    ]);
    const ratios = readTimeline(plan({ reading: 'success ratio' }), [
      step('ratio', [1, 0.5]),
      step('total', [2, 2]),
      instant('last', 'ratio', '0.75'),
      instant('last', 'total', '4'),
      instant('period', 'ratio', '0.75'),
      instant('period', 'total', '8'),
    ]);
    expect(pairs(ratios)).toEqual([
      [2, 2],
      [1, 2],
      [3, 4],
    ]);
  });

  it('gives no data when the period has none, and puts a period without steps at the end', () => {
    const none = readTimeline(plan(), [
      step('good', [5, 5]),
      step('total', [5, 5]),
      instant('period', 'total', '0'),
    ]);
    expect(none.every(b => b.good === 0 && b.total === 0)).toBe(true);
    const onlyPeriod = readTimeline(plan(), [
      instant('period', 'good', '9'),
      instant('period', 'total', '10'),
    ]);
    expect(pairs(onlyPeriod)).toEqual([
      [0, 0],
      [0, 0],
      [9, 10],
    ]);
  });

  it('spreads bad events over the traffic when no step saw one', () => {
    const buckets = readTimeline(plan(), [
      step('good', [10, 30]),
      step('total', [10, 30]),
      instant('last', 'good', '0'),
      instant('last', 'total', '0'),
      instant('period', 'good', '36'),
      instant('period', 'total', '40'),
    ]);
    expect(buckets.map(b => r(b.total - b.good))).toEqual([1, 3, 0]);
  });

  it('refuses a query that returns several series for one part', () => {
    expect(() =>
      readTimeline(plan(), [step('good', [1]), step('good', [2])]),
    ).toThrow(InputError);
  });
});
