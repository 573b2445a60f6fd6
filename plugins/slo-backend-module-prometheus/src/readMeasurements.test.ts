import { InputError } from '@backstage/errors';
import { QueryPlan } from './buildQueries';
import { PromSample, readMeasurements } from './readMeasurements';

const HOUR = 3_600_000;

const plan = (over: Partial<QueryPlan>): QueryPlan => ({
  query: '',
  reading: 'good/total',
  windows: [
    { key: 'period', ms: 720 * HOUR },
    { key: String(HOUR), ms: HOUR },
    { key: String(6 * HOUR), ms: 6 * HOUR },
  ],
  totalCounts: 'events',
  graphQuery: '',
  ...over,
});

const sample = (window: string, part: string, value: string): PromSample => ({
  metric: { slo_window: window, slo_part: part },
  value: [1_800_000_000, value],
});

describe('readMeasurements', () => {
  it('turns good and total into error ratios per window', () => {
    const m = readMeasurements(plan({}), [
      sample('period', 'good', '999000'),
      sample('period', 'total', '1000000'),
      sample(String(HOUR), 'good', '900'),
      sample(String(HOUR), 'total', '1000'),
      sample(String(6 * HOUR), 'good', '6000'),
      sample(String(6 * HOUR), 'total', '6000'),
    ]);
    expect(m.periodErrorRatio).toBeCloseTo(0.001, 12);
    expect(m.periodTotalEvents).toBe(1_000_000);
    expect(m.periodJudgedSlices).toBeUndefined();
    expect(m.windowErrorRatios[HOUR]).toBeCloseTo(0.1, 12);
    expect(m.windowErrorRatios[6 * HOUR]).toBe(0);
  });

  it('counts a missing bad or good series as zero when there was traffic', () => {
    const bad = readMeasurements(plan({ reading: 'bad/total' }), [
      sample('period', 'total', '500'),
    ]);
    expect(bad.periodErrorRatio).toBe(0);
    const good = readMeasurements(plan({}), [sample('period', 'total', '500')]);
    expect(good.periodErrorRatio).toBe(1);
  });

  it('answers no data, never 0 or NaN, without traffic or with NaN and Inf', () => {
    const m = readMeasurements(plan({}), [
      sample('period', 'good', '0'),
      sample('period', 'total', '0'),
      sample(String(HOUR), 'good', 'NaN'),
      sample(String(HOUR), 'total', '10'),
      sample(String(6 * HOUR), 'good', '1'),
      sample(String(6 * HOUR), 'total', '+Inf'),
    ]);
    expect(m).toEqual({
      periodErrorRatio: undefined,
      periodTotalEvents: 0,
      windowErrorRatios: {
        [HOUR]: undefined,
        [6 * HOUR]: undefined,
      },
    });
    const empty = readMeasurements(plan({}), []);
    expect(empty.periodErrorRatio).toBeUndefined();
    expect(empty.periodTotalEvents).toBeUndefined();
    expect(Object.values(empty.windowErrorRatios)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('keeps error ratios within [0, 1] despite extrapolation', () => {
    const m = readMeasurements(plan({}), [
      sample('period', 'good', '1000.0000001'),
      sample('period', 'total', '1000'),
    ]);
    expect(m.periodErrorRatio).toBe(0);
  });

  it('reads raw success and failure ratios', () => {
    const windows = [{ key: 'period', ms: HOUR }];
    expect(
      readMeasurements(
        plan({ reading: 'success ratio', totalCounts: 'none', windows }),
        [sample('period', 'ratio', '0.998')],
      ).periodErrorRatio,
    ).toBeCloseTo(0.002, 12);
    expect(
      readMeasurements(
        plan({ reading: 'failure ratio', totalCounts: 'none', windows }),
        [sample('period', 'ratio', '0.002')],
      ).periodErrorRatio,
    ).toBeCloseTo(0.002, 12);
    expect(
      readMeasurements(
        plan({ reading: 'failure ratio', totalCounts: 'none', windows }),
        [sample('period', 'ratio', '-Inf')],
      ).periodErrorRatio,
    ).toBeUndefined();
  });

  it('reports judged slices for the slice methods', () => {
    const m = readMeasurements(
      plan({ reading: 'success ratio', totalCounts: 'slices' }),
      [
        sample('period', 'ratio', '0.99'),
        sample('period', 'total', '43000'),
        sample(String(HOUR), 'ratio', '0.5'),
        sample(String(HOUR), 'total', '0'),
      ],
    );
    expect(m.periodErrorRatio).toBeCloseTo(0.01, 12);
    expect(m.periodJudgedSlices).toBe(43000);
    expect(m.periodTotalEvents).toBeUndefined();
    expect(m.windowErrorRatios[HOUR]).toBeUndefined();
  });

  it('refuses a query that answers several series for one window', () => {
    const read = () =>
      readMeasurements(plan({ reading: 'success ratio' }), [
        sample('period', 'ratio', '0.9'),
        {
          ...sample('period', 'ratio', '0.8'),
          metric: { slo_window: 'period', slo_part: 'ratio', pod: 'b' },
        },
      ]);
    expect(read).toThrow(InputError);
    expect(read).toThrow('the query returns 2 series where one is needed');
  });
});
