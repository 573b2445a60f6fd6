import { SliSpec } from '../openslo/schema';
import { SliQueryError } from './promql';
import {
  SliErrorRatioQueryInput,
  sliErrorRatioQuery,
} from './sliErrorRatioQuery';
// The tests run in Node, where promtool does; the package itself stays common.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { runPromtool } from '@triad/test-utils';

const HOUR = 3_600_000;
const MINUTE = 60_000;

const metric = (promql: string) => ({
  metricSource: { metricSourceRef: 'prometheus', spec: { query: promql } },
});

function query(
  indicator: SliSpec,
  extra: Partial<SliErrorRatioQueryInput> = {},
): string {
  return sliErrorRatioQuery({
    indicator,
    objective: {},
    budgetingMethod: 'Occurrences',
    windowMs: HOUR,
    ...extra,
  });
}

/**
 * Evaluates `expr` with promtool over the input series (one sample every
 * 15 s): 'as expected' when `round(expr × scale)` is `expected` (or there is
 * no result and `expected` is undefined), promtool's report otherwise.
 */
async function evaluates(
  series: Array<{ series: string; values: string }>,
  expr: string,
  evalTime: string,
  expected: number | undefined,
  scale = 1000,
) {
  const result = await runPromtool(['test', 'rules', 'test.yml'], {
    'rules.yml': { groups: [] },
    'test.yml': {
      rule_files: ['rules.yml'],
      tests: [
        {
          interval: '15s',
          input_series: series,
          promql_expr_test: [
            {
              expr: `round((${expr}) * ${scale})`,
              eval_time: evalTime,
              exp_samples:
                expected === undefined
                  ? []
                  : [{ labels: '{}', value: expected }],
            },
          ],
        },
      ],
    },
  });
  return result.code === 0 ? 'as expected' : `${expr}\n${result.output}`;
}

describe('sliErrorRatioQuery', () => {
  it('wraps counter selectors in increase() and counts a missing good series as zero', async () => {
    const expr = query({
      ratioMetric: {
        counter: true,
        good: metric('requests_total{code!~"5.."}'),
        total: metric('requests_total'),
      },
    });
    expect(expr).toBe(
      '1 - (sum(increase(requests_total{code!~"5.."}[1h])) or vector(0)) / (sum(increase(requests_total[1h])) > 0)',
    );
    // 960 good, 40 errors per minute: 4 % errors.
    expect(
      await evaluates(
        [
          { series: 'requests_total{code="200"}', values: '0+240x480' },
          { series: 'requests_total{code="500"}', values: '0+10x480' },
        ],
        expr,
        '90m',
        40,
      ),
    ).toBe('as expected');
    // Only errors so far, and the good series does not exist yet: 100 %.
    expect(
      await evaluates(
        [{ series: 'requests_total{code="500"}', values: '0+10x480' }],
        expr,
        '90m',
        1000,
      ),
    ).toBe('as expected');
  });

  it('reads bad over total', async () => {
    const expr = query({
      ratioMetric: {
        counter: true,
        bad: metric('errors_total'),
        total: metric('requests_total'),
      },
    });
    expect(
      await evaluates(
        [
          { series: 'errors_total', values: '0+5x480' },
          { series: 'requests_total', values: '0+100x480' },
        ],
        expr,
        '90m',
        50,
      ),
    ).toBe('as expected');
  });

  it('uses {{window}} queries as written, with the window filled in', () => {
    expect(
      query(
        {
          ratioMetric: {
            counter: true,
            good: metric('sum(increase(ok_total[{{window}}]))'),
            total: metric('sum(increase(all_total[{{ window }}]))'),
          },
        },
        { windowMs: 3 * 24 * HOUR },
      ),
    ).toBe(
      '1 - (sum(sum(increase(ok_total[3d]))) or vector(0)) / (sum(sum(increase(all_total[3d]))) > 0)',
    );
  });

  it('averages raw ratios', async () => {
    const success = query({
      ratioMetric: {
        counter: false,
        rawType: 'success',
        raw: metric('ok_ratio'),
      },
    });
    const failure = query({
      ratioMetric: {
        counter: false,
        rawType: 'failure',
        raw: metric('bad_ratio'),
      },
    });
    expect(success).toBe(
      '1 - (avg_over_time(((ok_ratio) > -Inf)[3599999ms:1m]))',
    );
    expect(
      await evaluates(
        [{ series: 'ok_ratio', values: '0.97x480' }],
        success,
        '90m',
        30,
      ),
    ).toBe('as expected');
    expect(
      await evaluates(
        [{ series: 'bad_ratio', values: '0.02x480' }],
        failure,
        '90m',
        20,
      ),
    ).toBe('as expected');
  });

  it('samples and formats windows as the data source does', async () => {
    // A 25 h window samples every 90,000 s / 1440 = 62.5 s, in whole seconds.
    const long = query(
      {
        ratioMetric: {
          counter: false,
          rawType: 'success',
          raw: metric('ok_ratio'),
        },
      },
      { windowMs: 25 * HOUR },
    );
    expect(long).toBe(
      '1 - (avg_over_time(((ok_ratio) > -Inf)[89999999ms:63s]))',
    );
    expect(
      await evaluates(
        [{ series: 'ok_ratio', values: '0.97x6100' }],
        long,
        '25h30m',
        30,
      ),
    ).toBe('as expected');
    // The short window of a 13 s lookback window is 1083 ms, not 1 s.
    expect(
      query(
        {
          ratioMetric: {
            counter: true,
            good: metric('ok_total'),
            total: metric('all_total'),
          },
        },
        { windowMs: 1083 },
      ),
    ).toBe(
      '1 - (sum(increase(ok_total[1083ms])) or vector(0)) / (sum(increase(all_total[1083ms])) > 0)',
    );
  });

  it('counts threshold samples as events', async () => {
    const expr = query(
      { thresholdMetric: metric('latency_p99_seconds') },
      { objective: { op: 'lte', value: 0.3 } },
    );
    // 0.2 s for the first hour, then 0.5 s: at 1h30 half of the last hour
    // of one-minute samples is too slow.
    expect(
      await evaluates(
        [{ series: 'latency_p99_seconds', values: '0.2x240 0.5x240' }],
        expr,
        '90m',
        500,
      ),
    ).toBe('as expected');
  });

  it('judges time slices, leaving slices without traffic out', async () => {
    const indicator: SliSpec = {
      ratioMetric: {
        counter: true,
        good: metric('requests_total{code="200"}'),
        total: metric('requests_total'),
      },
    };
    const timeslices = query(indicator, {
      budgetingMethod: 'Timeslices',
      objective: { timeSliceTarget: 0.95 },
      timeSliceMs: MINUTE,
    });
    expect(timeslices).toContain('>= bool 0.95)[3599999ms:1m])');
    // 99 % good for 45 minutes, then 90 %: a quarter of the slices of the
    // last hour are bad.
    const series = [
      { series: 'requests_total{code="200"}', values: '0+99x180 17910+90x299' },
      { series: 'requests_total{code="500"}', values: '0+1x180 190+10x299' },
    ];
    expect(await evaluates(series, timeslices, '60m', 25, 100)).toBe(
      'as expected',
    );
    // No traffic at all: no slice is judged, so there is no ratio.
    expect(
      await evaluates(
        [{ series: 'requests_total{code="200"}', values: '0x480' }],
        timeslices,
        '60m',
        undefined,
      ),
    ).toBe('as expected');
    const ratioSlices = query(indicator, {
      budgetingMethod: 'RatioTimeslices',
      timeSliceMs: MINUTE,
    });
    expect(
      await evaluates(
        series.map(s => ({ ...s })),
        ratioSlices,
        '30m',
        10,
      ),
    ).toBe('as expected');
  });

  it('names the field it cannot use', () => {
    const attempt = (indicator: SliSpec, extra = {}) => {
      try {
        query(indicator, extra);
      } catch (e) {
        if (e instanceof SliQueryError) return `${e.field}: ${e.message}`;
        throw e;
      }
      return 'no error';
    };
    expect(
      attempt({
        ratioMetric: {
          counter: true,
          good: {
            metricSource: {
              metricSourceRef: 'builtin',
              spec: { series: 'a/b' },
            },
          },
          total: metric('x'),
        },
      }),
    ).toBe(
      'ratioMetric.good.metricSource.spec.query: is required: Prometheus rules need a PromQL query (this SLI reads the series "a/b" of the built-in store, which Prometheus cannot query)',
    );
    expect(
      attempt({
        ratioMetric: {
          counter: true,
          good: metric('sum(rate(x[5m]))'),
          total: metric('y'),
        },
      }),
    ).toMatch(
      /^ratioMetric\.good\.metricSource\.spec\.query: is a counter but not a series selector/,
    );
    expect(
      attempt(
        {
          ratioMetric: { counter: true, good: metric('x'), total: metric('y') },
        },
        { budgetingMethod: 'Timeslices', timeSliceMs: MINUTE },
      ),
    ).toBe(
      'objective.timeSliceTarget: is required with budgetingMethod Timeslices and a ratioMetric SLI',
    );
    expect(
      attempt(
        { thresholdMetric: metric('x') },
        { budgetingMethod: 'RatioTimeslices', timeSliceMs: MINUTE },
      ),
    ).toMatch(
      /^thresholdMetric: budgetingMethod RatioTimeslices needs a ratioMetric SLI/,
    );
    expect(attempt({ thresholdMetric: metric('x') })).toBe(
      'objective.op: a thresholdMetric SLI needs op and value on the objective',
    );
  });
});
