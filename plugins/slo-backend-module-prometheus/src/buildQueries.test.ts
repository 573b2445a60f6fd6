import { InputError } from '@backstage/errors';
import { SliSpec } from '@triad/plugin-slo-common';
import { buildQueries, BuildQueriesInput } from './buildQueries';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const metric = (query: unknown) => ({
  metricSource: { metricSourceRef: 'prometheus', spec: { query } },
});

const goodTotal = (good: string, total: string, counter = true): SliSpec => ({
  ratioMetric: { counter, good: metric(good), total: metric(total) },
});

function build(over: Partial<BuildQueriesInput>) {
  return buildQueries({
    indicator: goodTotal('good_total', 'all_total'),
    objective: {},
    budgetingMethod: 'Occurrences',
    periodMs: 30 * DAY,
    windowsMs: [HOUR, 5 * MIN],
    ...over,
  });
}

/** The tagged expressions of a combined query, one per line. */
const lines = (query: string) => query.split('\nor\n');

describe('buildQueries, Occurrences', () => {
  it('wraps counter selectors as increases and tags every window and part', () => {
    const plan = build({
      indicator: goodTotal(
        'http_requests_total{job="checkout",code!~"5.."}',
        'http_requests_total{job="checkout"}',
      ),
    });
    expect(plan.reading).toBe('good/total');
    expect(plan.totalCounts).toBe('events');
    expect(plan.windows).toEqual([
      { key: 'period', ms: 30 * DAY },
      { key: String(HOUR), ms: HOUR },
      { key: String(5 * MIN), ms: 5 * MIN },
    ]);
    expect(lines(plan.query)).toEqual([
      'label_replace(label_replace(sum(increase(http_requests_total{job="checkout",code!~"5.."}[30d])), "slo_window", "period", "", ""), "slo_part", "good", "", "")',
      'label_replace(label_replace(sum(increase(http_requests_total{job="checkout"}[30d])), "slo_window", "period", "", ""), "slo_part", "total", "", "")',
      'label_replace(label_replace(sum(increase(http_requests_total{job="checkout",code!~"5.."}[1h])), "slo_window", "3600000", "", ""), "slo_part", "good", "", "")',
      'label_replace(label_replace(sum(increase(http_requests_total{job="checkout"}[1h])), "slo_window", "3600000", "", ""), "slo_part", "total", "", "")',
      'label_replace(label_replace(sum(increase(http_requests_total{job="checkout",code!~"5.."}[5m])), "slo_window", "300000", "", ""), "slo_part", "good", "", "")',
      'label_replace(label_replace(sum(increase(http_requests_total{job="checkout"}[5m])), "slo_window", "300000", "", ""), "slo_part", "total", "", "")',
    ]);
    expect(plan.graphQuery).toBe(
      '(sum(increase(http_requests_total{job="checkout",code!~"5.."}[5m])) or vector(0)) / (sum(increase(http_requests_total{job="checkout"}[5m])) > 0)',
    );
  });

  it('reads bad/total, and measures each window once however often it is asked for', () => {
    const plan = build({
      indicator: {
        ratioMetric: {
          counter: true,
          bad: metric('errors_total'),
          total: metric('requests_total'),
        },
      },
      windowsMs: [
        HOUR,
        5 * MIN,
        6 * HOUR,
        30 * MIN,
        DAY,
        2 * HOUR,
        3 * DAY,
        6 * HOUR,
      ],
    });
    expect(plan.reading).toBe('bad/total');
    expect(plan.windows.map(w => w.key)).toEqual([
      'period',
      ...[HOUR, 5 * MIN, 6 * HOUR, 30 * MIN, DAY, 2 * HOUR, 3 * DAY].map(
        String,
      ),
    ]);
    expect(lines(plan.query)).toHaveLength(16);
    expect(lines(plan.query)[0]).toContain(
      'sum(increase(errors_total[30d])), "slo_window", "period", "", ""), "slo_part", "bad"',
    );
    expect(plan.graphQuery).toBe(
      '1 - (sum(increase(errors_total[5m])) or vector(0)) / (sum(increase(requests_total[5m])) > 0)',
    );
  });

  it('uses {{window}} queries as written, for counters and gauges', () => {
    for (const counter of [true, false]) {
      const plan = build({
        indicator: goodTotal(
          'sum(rate(ok_total[{{window}}]))',
          'sum(rate(all_total[{{ window }}]))',
          counter,
        ),
        windowsMs: [HOUR],
      });
      expect(lines(plan.query)).toEqual([
        expect.stringContaining('sum(sum(rate(ok_total[30d])))'),
        expect.stringContaining('sum(sum(rate(all_total[30d])))'),
        expect.stringContaining('sum(sum(rate(ok_total[1h])))'),
        expect.stringContaining('sum(sum(rate(all_total[1h])))'),
      ]);
      expect(plan.totalCounts).toBe(counter ? 'events' : 'none');
    }
  });

  it('averages gauges over the window, leaving out NaN points', () => {
    const plan = build({
      indicator: goodTotal('job:ok:rate5m', 'job:all:rate5m', false),
      windowsMs: [HOUR],
    });
    expect(lines(plan.query)[0]).toContain(
      'sum(avg_over_time(((job:ok:rate5m) > -Inf)[2591999999ms:30m]))',
    );
    expect(lines(plan.query)[3]).toContain(
      'sum(avg_over_time(((job:all:rate5m) > -Inf)[3599999ms:1m]))',
    );
    expect(plan.totalCounts).toBe('none');
  });

  it('averages raw ratios over the window', () => {
    const success = build({
      indicator: {
        ratioMetric: {
          counter: false,
          rawType: 'success',
          raw: metric('job:availability:ratio'),
        },
      },
      windowsMs: [HOUR],
    });
    expect(success.reading).toBe('success ratio');
    expect(lines(success.query)).toEqual([
      'label_replace(label_replace(avg_over_time(((job:availability:ratio) > -Inf)[2591999999ms:30m]), "slo_window", "period", "", ""), "slo_part", "ratio", "", "")',
      'label_replace(label_replace(avg_over_time(((job:availability:ratio) > -Inf)[3599999ms:1m]), "slo_window", "3600000", "", ""), "slo_part", "ratio", "", "")',
    ]);
    const failure = build({
      indicator: {
        ratioMetric: {
          counter: true,
          rawType: 'failure',
          raw: metric('sum(rate(e[{{window}}])) / sum(rate(r[{{window}}]))'),
        },
      },
      windowsMs: [],
    });
    expect(failure.reading).toBe('failure ratio');
    expect(failure.query).toContain(
      '(sum(rate(e[30d])) / sum(rate(r[30d]))) > -Inf',
    );
  });

  it('counts threshold samples meeting the objective as good events', () => {
    const plan = build({
      indicator: { thresholdMetric: metric('latency_p99_seconds') },
      objective: { op: 'lt', value: 0.3 },
      windowsMs: [HOUR],
    });
    expect(plan.reading).toBe('good/total');
    expect(plan.totalCounts).toBe('none');
    expect(lines(plan.query)[2]).toContain(
      'sum_over_time((((latency_p99_seconds) > -Inf) < bool 0.3)[3599999ms:1m])',
    );
    expect(lines(plan.query)[3]).toContain(
      'count_over_time(((latency_p99_seconds) > -Inf)[3599999ms:1m])',
    );
  });

  it('skips the period when nothing of it has elapsed', () => {
    const plan = build({ periodMs: 0, windowsMs: [HOUR] });
    expect(plan.windows).toEqual([{ key: '3600000', ms: HOUR }]);
  });

  it('queries an elapsed calendar period to the millisecond', () => {
    const plan = build({ periodMs: 1_137_737_123, windowsMs: [] });
    expect(plan.query).toContain('sum(increase(good_total[1137737123ms]))');
  });
});

describe('buildQueries, time slices', () => {
  it('counts good and judged slices of a ratio SLI with one subquery per window', () => {
    const plan = build({
      budgetingMethod: 'Timeslices',
      objective: { timeSliceTarget: 0.95 },
      timeSliceMs: MIN,
      periodMs: 7 * DAY,
      windowsMs: [HOUR],
    });
    expect(plan.reading).toBe('good/total');
    expect(plan.totalCounts).toBe('slices');
    const verdict =
      '((sum(increase(good_total[1m])) or vector(0)) / (sum(increase(all_total[1m])) > 0)) >= bool 0.95';
    expect(lines(plan.query)).toEqual([
      `label_replace(label_replace(sum_over_time((${verdict})[604799999ms:1m]), "slo_window", "period", "", ""), "slo_part", "good", "", "")`,
      `label_replace(label_replace(count_over_time((${verdict})[604799999ms:1m]), "slo_window", "period", "", ""), "slo_part", "total", "", "")`,
      `label_replace(label_replace(sum_over_time((${verdict})[3599999ms:1m]), "slo_window", "3600000", "", ""), "slo_part", "good", "", "")`,
      `label_replace(label_replace(count_over_time((${verdict})[3599999ms:1m]), "slo_window", "3600000", "", ""), "slo_part", "total", "", "")`,
    ]);
  });

  it('judges threshold slices by the objective op and value', () => {
    const plan = build({
      indicator: {
        thresholdMetric: metric('max_over_time(latency_seconds[{{window}}])'),
      },
      budgetingMethod: 'Timeslices',
      objective: { op: 'lte', value: 0.25 },
      timeSliceMs: 5 * MIN,
      windowsMs: [],
    });
    expect(plan.query).toContain(
      'sum_over_time((((max_over_time(latency_seconds[5m])) > -Inf) <= bool 0.25)[2591999999ms:5m])',
    );
    expect(plan.graphQuery).toBe('(max_over_time(latency_seconds[5m])) > -Inf');
  });

  it('averages a threshold gauge within each slice', () => {
    const plan = build({
      indicator: { thresholdMetric: metric('latency_seconds') },
      budgetingMethod: 'Timeslices',
      objective: { op: 'gt', value: 0.9 },
      timeSliceMs: 5 * MIN,
      windowsMs: [],
    });
    expect(plan.query).toContain(
      'sum_over_time(((avg_over_time(((latency_seconds) > -Inf)[299999ms:1m])) > bool 0.9)[2591999999ms:5m])',
    );
  });

  it('means the slice ratios for RatioTimeslices', () => {
    const plan = build({
      indicator: {
        ratioMetric: {
          counter: true,
          bad: metric('errors_total'),
          total: metric('requests_total'),
        },
      },
      budgetingMethod: 'RatioTimeslices',
      timeSliceMs: MIN,
      windowsMs: [],
    });
    expect(plan.reading).toBe('success ratio');
    const perSlice =
      '1 - (sum(increase(errors_total[1m])) or vector(0)) / (sum(increase(requests_total[1m])) > 0)';
    expect(lines(plan.query)).toEqual([
      `label_replace(label_replace(avg_over_time((${perSlice})[2591999999ms:1m]), "slo_window", "period", "", ""), "slo_part", "ratio", "", "")`,
      `label_replace(label_replace(count_over_time((${perSlice})[2591999999ms:1m]), "slo_window", "period", "", ""), "slo_part", "total", "", "")`,
    ]);
  });

  it('flips a raw failure ratio into a success ratio per slice', () => {
    const plan = build({
      indicator: {
        ratioMetric: {
          counter: false,
          rawType: 'failure',
          raw: metric('job:errors:ratio'),
        },
      },
      budgetingMethod: 'RatioTimeslices',
      timeSliceMs: MIN,
      windowsMs: [],
    });
    expect(plan.query).toContain(
      'avg_over_time((1 - (avg_over_time(((job:errors:ratio) > -Inf)[59999ms:1m])))[2591999999ms:1m])',
    );
  });
});

describe('buildQueries refuses what it cannot express', () => {
  it.each([
    [
      'a missing query',
      { indicator: goodTotal('x', undefined as any) },
      'ratioMetric.total.metricSource.spec.query must be a PromQL query',
    ],
    [
      'a counter that is not a selector',
      { indicator: goodTotal('sum(rate(x[5m]))', 'y') },
      'ratioMetric.good.metricSource.spec.query is a counter but not a series selector',
    ],
    [
      'a threshold without op',
      { indicator: { thresholdMetric: metric('x') } },
      'needs op and value',
    ],
    [
      'Timeslices without a slice length',
      {
        budgetingMethod: 'Timeslices' as const,
        objective: { timeSliceTarget: 0.9 },
      },
      'needs timeSliceWindow',
    ],
    [
      'Timeslices of a ratio without timeSliceTarget',
      { budgetingMethod: 'Timeslices' as const, timeSliceMs: MIN },
      'needs timeSliceTarget',
    ],
    [
      'RatioTimeslices of a threshold',
      {
        indicator: { thresholdMetric: metric('x') },
        objective: { op: 'lt' as const, value: 1 },
        budgetingMethod: 'RatioTimeslices' as const,
        timeSliceMs: MIN,
      },
      'needs a ratioMetric SLI',
    ],
    ['a window below a second', { windowsMs: [500] }, 'alert window of 500 ms'],
  ])('%s', (_, over, message) => {
    expect(() => build(over)).toThrow(InputError);
    expect(() => build(over)).toThrow(message);
  });
});
