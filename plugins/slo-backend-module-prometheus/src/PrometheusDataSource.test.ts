import { InputError, ServiceUnavailableError } from '@backstage/errors';
import {
  alertTiersForPeriod,
  BudgetingMethod,
  countSlices,
  evaluateObjective,
  ratioTimesliceSli,
  SliSpec,
  SloDocument,
  SloObjective,
  timesliceSli,
  promDuration,
} from '@triad/plugin-slo-common';
import { SloMeasureRequest, SloMeasurement } from '@triad/plugin-slo-node';
import { freePort } from './testUtils/freePort';
import {
  answerJson,
  FakeServer,
  startFakeServer,
} from './__testUtils__/startFakeServer';
import {
  RunningPrometheus,
  startPrometheus,
} from './testUtils/startPrometheus';
import { Service, syntheticData } from './testUtils/syntheticData';
import { PrometheusDataSource } from './PrometheusDataSource';

/*
 * Integration tests against a real Prometheus (Debian's 2.42) serving eight
 * days of known per-minute data. Every number the data source reports is
 * compared with Prometheus's own evaluation of the equivalent PromQL, and
 * with the value worked out from the generated data.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const PERIOD_MS = 7 * DAY;
const TIERS = alertTiersForPeriod(PERIOD_MS);
const WINDOWS = TIERS.flatMap(t => [t.longWindowMs, t.shortWindowMs]);
const DISTINCT_WINDOWS = [...new Set(WINDOWS)];

// The data ends two minutes ago; evaluations happen 30 s after the last sample.
const data = syntheticData(Math.floor(Date.now() / MIN) * MIN - 2 * MIN, 8);
const at = new Date(data.lastSampleMs + 30_000);

let prometheus: RunningPrometheus;

const source = new PrometheusDataSource();

const metric = (query: string) => ({
  metricSource: { metricSourceRef: 'prometheus', spec: { query } },
});
const requests = (service: string, extra = '') =>
  `triad_requests_total{service="${service}"${extra}}`;
const GOOD = ',code!~"5.."';
const BAD = ',code=~"5.."';

const goodTotal = (service: string): SliSpec => ({
  ratioMetric: {
    counter: true,
    good: metric(requests(service, GOOD)),
    total: metric(requests(service)),
  },
});

function request(options: {
  indicator: SliSpec;
  budgetingMethod?: BudgetingMethod;
  objective?: Partial<SloObjective>;
  timeSliceMs?: number;
  config?: Record<string, unknown>;
  period?: SloMeasureRequest['period'];
  signal?: AbortSignal;
}): SloMeasureRequest {
  const objective = { target: 0.999, ...options.objective } as SloObjective;
  return {
    slo: {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 'test-slo' },
      spec: {
        service: 'test-service',
        indicator: { metadata: { name: 'test-sli' }, spec: options.indicator },
        timeWindow: [{ duration: '7d', isRolling: true }],
        budgetingMethod: options.budgetingMethod ?? 'Occurrences',
        objectives: [objective],
      },
    } as SloDocument,
    objective,
    indicator: options.indicator,
    source: {
      name: 'prom',
      type: 'prometheus',
      config: options.config ?? { baseUrl: prometheus.url },
    },
    period: options.period ?? {
      start: new Date(at.getTime() - PERIOD_MS),
      end: at,
      lengthMs: PERIOD_MS,
      elapsedFraction: 1,
    },
    windowsMs: WINDOWS,
    timeSliceMs: options.timeSliceMs,
    at,
    signal: options.signal ?? AbortSignal.timeout(20_000),
  };
}

/** Prometheus's own answer to an instant query at `at`; NaN kept as NaN. */
async function promValue(query: string): Promise<number | undefined> {
  const res = await fetch(
    `${prometheus.url}/api/v1/query?${new URLSearchParams({
      query,
      time: String(at.getTime() / 1000),
    })}`,
  );
  const body = await res.json();
  expect(body.status).toBe('success');
  const result = body.data.result;
  if (result.length === 0) return undefined;
  expect(result).toHaveLength(1);
  return Number(result[0].value[1]);
}

/** Prometheus's per-slice values of `query` over the window, by slice end. */
async function promSlices(
  query: string,
  windowMs: number,
): Promise<Map<number, number>> {
  const start = Math.floor((at.getTime() - windowMs) / MIN) * MIN + MIN;
  const end = Math.floor(at.getTime() / MIN) * MIN;
  const res = await fetch(
    `${prometheus.url}/api/v1/query_range?${new URLSearchParams({
      query,
      start: String(start / 1000),
      end: String(end / 1000),
      step: '60',
    })}`,
  );
  const body = await res.json();
  expect(body.status).toBe('success');
  const values: [number, string][] = body.data.result[0]?.values ?? [];
  return new Map(values.map(([t, v]) => [t * 1000, Number(v)]));
}

/** Indices of the minutes whose end lies in the window (at − w, at]. */
function minutesIn(windowMs: number): number[] {
  const from = at.getTime() - windowMs;
  return data.minutes.flatMap((t, i) =>
    t > from && t <= at.getTime() ? [i] : [],
  );
}

/** Error ratio and events over a window, worked out from the data. */
function byHand(service: Service, windowMs: number) {
  let total = 0;
  let errors = 0;
  for (const i of minutesIn(windowMs)) {
    total += data.counts[service][i].total;
    errors += data.counts[service][i].errors;
  }
  return { total, errorRatio: total > 0 ? errors / total : undefined };
}

/** Each (window, value) the data source measured, the period as `period`. */
function everyWindow(
  m: SloMeasurement,
): Array<[number | 'period', number | undefined]> {
  return [
    ['period', m.periodErrorRatio],
    ...DISTINCT_WINDOWS.map(
      w => [w, m.windowErrorRatios[w]] as [number, number | undefined],
    ),
  ];
}
const lengthOf = (w: number | 'period') => (w === 'period' ? PERIOD_MS : w);

/** Matches a number close to `value`, or undefined when no value is expected. */
const closeToOrUndefined = (value: number | undefined, digits: number) =>
  value === undefined ? undefined : expect.closeTo(value, digits);

/** The error ratio expected for an SLI worked out by hand. */
const errorOf = (sli: number | undefined, digits: number) =>
  closeToOrUndefined(sli === undefined ? undefined : 1 - sli, digits);

/** Whether a result holds NaN or an infinity anywhere. */
const hasNonFinite = (m: SloMeasurement) =>
  everyWindow(m).some(([, v]) => v !== undefined && !Number.isFinite(v)) ||
  [m.periodTotalEvents, m.periodJudgedSlices].some(
    v => v !== undefined && !Number.isFinite(v),
  );

describe('PrometheusDataSource against a real Prometheus', () => {
  beforeAll(async () => {
    prometheus = await startPrometheus(data.openMetrics);
  }, 90_000);

  afterAll(async () => {
    await prometheus?.stop();
  });

  it('measures a steady 0.1 % error ratio in every window', async () => {
    const m = await source.measure(request({ indicator: goodTotal('steady') }));
    expect(everyWindow(m)).toHaveLength(1 + 7);
    for (const [w, e] of everyWindow(m)) {
      const d = promDuration(lengthOf(w));
      const own = await promValue(
        `1 - sum(increase(${requests(
          'steady',
          GOOD,
        )}[${d}])) / sum(increase(${requests('steady')}[${d}]))`,
      );
      expect(e).toBeCloseTo(own!, 14);
      expect(e).toBeCloseTo(0.001, 12);
    }
    const ownTotal = await promValue(
      `sum(increase(${requests('steady')}[7d]))`,
    );
    expect(m.periodTotalEvents).toBeCloseTo(ownTotal!, 6);
    // 10,080 minutes of 1,000 requests; a constant rate extrapolates exactly.
    expect(m.periodTotalEvents).toBeCloseTo(
      byHand('steady', PERIOD_MS).total,
      4,
    );
    expect(m.sourceUrl).toBe(
      `${prometheus.url}/graph?${new URLSearchParams({
        'g0.expr': `(sum(increase(${requests(
          'steady',
          GOOD,
        )}[5m])) or vector(0)) / (sum(increase(${requests(
          'steady',
        )}[5m])) > 0)`,
        'g0.tab': '0',
        'g0.range_input': '1w',
      })}`,
    );
    expect((await fetch(m.sourceUrl!)).status).toBe(200);
  });

  it('sees a burst of errors in the last hour, so the fast page tier fires', async () => {
    const m = await source.measure(
      request({
        indicator: {
          ratioMetric: {
            counter: true,
            bad: metric(requests('burst', BAD)),
            total: metric(requests('burst')),
          },
        },
      }),
    );
    for (const [w, e] of everyWindow(m)) {
      const d = promDuration(lengthOf(w));
      const own = await promValue(
        `sum(increase(${requests(
          'burst',
          BAD,
        )}[${d}])) / sum(increase(${requests('burst')}[${d}]))`,
      );
      expect(e).toBeCloseTo(own!, 14);
      // increase() extrapolates the 59 minutes between the window's first
      // and last samples, so the hand value is only approached (< 2 %).
      const hand = byHand('burst', lengthOf(w)).errorRatio!;
      expect(Math.abs(e! - hand) / hand).toBeLessThan(0.02);
    }
    expect(m.windowErrorRatios[HOUR]).toBeCloseTo(0.1, 12);
    expect(m.windowErrorRatios[5 * MIN]).toBeCloseTo(0.1, 12);

    const evaluation = evaluateObjective(m, {
      target: 0.999,
      budgetingMethod: 'Occurrences',
      period: request({ indicator: goodTotal('burst') }).period,
      calendar: false,
      tiers: TIERS,
    });
    const fast = evaluation.alerts.find(a => a.longWindowMs === HOUR)!;
    expect(fast.firing).toBe(true);
    expect(fast.longBurnRate).toBeCloseTo(100, 9);

    const steady = await source.measure(
      request({ indicator: goodTotal('steady') }),
    );
    expect(
      evaluateObjective(steady, {
        target: 0.999,
        budgetingMethod: 'Occurrences',
        period: request({ indicator: goodTotal('steady') }).period,
        calendar: false,
        tiers: TIERS,
      }).alerts.some(a => a.firing && a.severity === 'page'),
    ).toBe(false);
  });

  it('answers no data, not 0 % or 100 %, without traffic', async () => {
    const idle = await source.measure(
      request({ indicator: goodTotal('idle') }),
    );
    expect(
      Number.isNaN(
        await promValue(
          `1 - sum(increase(${requests(
            'idle',
            GOOD,
          )}[1h])) / sum(increase(${requests('idle')}[1h]))`,
        ),
      ),
    ).toBe(true);
    expect(everyWindow(idle).every(([, e]) => e === undefined)).toBe(true);
    expect(idle.periodTotalEvents).toBe(0);

    const absent = await source.measure(
      request({ indicator: goodTotal('no-such-service') }),
    );
    expect(everyWindow(absent).every(([, e]) => e === undefined)).toBe(true);
    expect(absent.periodTotalEvents).toBeUndefined();
    expect(hasNonFinite(idle) || hasNonFinite(absent)).toBe(false);
  });

  it('turns NaN answers into no data', async () => {
    // A good query of 0/0: Prometheus answers NaN for it.
    const nan = `sum(increase(${requests(
      'steady',
      GOOD,
    )}[{{window}}])) * 0 / 0`;
    expect(Number.isNaN(await promValue(nan.replace('{{window}}', '1h')))).toBe(
      true,
    );
    const m = await source.measure(
      request({
        indicator: {
          ratioMetric: {
            counter: true,
            good: metric(nan),
            total: metric(requests('steady')),
          },
        },
      }),
    );
    expect(everyWindow(m).every(([, e]) => e === undefined)).toBe(true);
    expect(hasNonFinite(m)).toBe(false);

    // A raw ratio of an idle service is 0/0 at every point.
    const raw = await source.measure(
      request({
        indicator: {
          ratioMetric: {
            counter: false,
            rawType: 'success',
            raw: metric(
              `sum(rate(${requests('idle', GOOD)}[5m])) / sum(rate(${requests(
                'idle',
              )}[5m]))`,
            ),
          },
        },
      }),
    );
    expect(everyWindow(raw).every(([, e]) => e === undefined)).toBe(true);
  });

  it('uses {{window}} queries as written, with the same result as wrapped counters', async () => {
    const wrapped = await source.measure(
      request({ indicator: goodTotal('burst') }),
    );
    const written = await source.measure(
      request({
        indicator: {
          ratioMetric: {
            counter: true,
            good: metric(`sum(rate(${requests('burst', GOOD)}[{{window}}]))`),
            total: metric(`sum(rate(${requests('burst')}[{{ window }}]))`),
          },
        },
      }),
    );
    for (const [w, e] of everyWindow(written)) {
      const expected =
        w === 'period'
          ? wrapped.periodErrorRatio
          : wrapped.windowErrorRatios[w];
      expect(e).toBeCloseTo(expected!, 12);
    }
  });

  it('averages gauges and raw ratios over each window', async () => {
    const rate = (extra: string) =>
      `sum(rate(${requests('burst', extra)}[1m]))`;
    const gauges = await source.measure(
      request({
        indicator: {
          ratioMetric: {
            counter: false,
            good: metric(rate(GOOD)),
            total: metric(rate('')),
          },
        },
      }),
    );
    const raw = await source.measure(
      request({
        indicator: {
          ratioMetric: {
            counter: false,
            rawType: 'failure',
            raw: metric(`${rate(BAD)} / ${rate('')}`),
          },
        },
      }),
    );
    expect(gauges.periodTotalEvents).toBeUndefined();
    for (const [w, e] of everyWindow(gauges)) {
      const window = lengthOf(w);
      const step = promDuration(
        Math.max(MIN, Math.ceil(window / 1440 / 1000) * 1000),
      );
      const range = `[${promDuration(window)}:${step}]`;
      const own = await promValue(
        `1 - avg_over_time(${rate(GOOD)}${range}) / avg_over_time(${rate(
          '',
        )}${range})`,
      );
      expect(e).toBeCloseTo(own!, 12);
      const ownRaw = await promValue(
        `avg_over_time((${rate(BAD)} / ${rate('')})${range})`,
      );
      const r =
        w === 'period' ? raw.periodErrorRatio : raw.windowErrorRatios[w];
      expect(r).toBeCloseTo(ownRaw!, 12);
    }
    // rate over [1m] sees exactly one minute at each aligned step.
    expect(gauges.windowErrorRatios[HOUR]).toBeCloseTo(0.1, 12);
    expect(raw.windowErrorRatios[6 * HOUR]).toBeCloseTo(
      byHand('burst', 6 * HOUR).errorRatio!,
      12,
    );
  });

  it('measures an elapsed calendar period to the millisecond', async () => {
    const elapsed = 3 * DAY + 4 * HOUR + 22 * MIN + 17_123;
    const start = new Date(at.getTime() - elapsed);
    const m = await source.measure(
      request({
        indicator: goodTotal('burst'),
        period: {
          start,
          end: new Date(start.getTime() + 30 * DAY),
          lengthMs: 30 * DAY,
          elapsedFraction: elapsed / (30 * DAY),
        },
      }),
    );
    const own = await promValue(
      `1 - sum(increase(${requests(
        'burst',
        GOOD,
      )}[${elapsed}ms])) / sum(increase(${requests('burst')}[${elapsed}ms]))`,
    );
    expect(m.periodErrorRatio).toBeCloseTo(own!, 14);
    expect(m.sourceUrl).toContain('g0.range_input=30d');
  });

  describe('time slices', () => {
    const sliceRule = { kind: 'ratio' as const, timeSliceTarget: 0.95 };

    async function ownSlices(service: string, windowMs: number) {
      const good = await promSlices(
        `sum(increase(${requests(service, GOOD)}[1m]))`,
        windowMs,
      );
      const total = await promSlices(
        `sum(increase(${requests(service)}[1m]))`,
        windowMs,
      );
      return [...total.keys()].map(t => ({
        good: good.get(t) ?? 0,
        total: total.get(t)!,
      }));
    }
    const handSlices = (service: Service, windowMs: number) =>
      minutesIn(windowMs).map(i => {
        const c = data.counts[service][i];
        return { good: c.total - c.errors, total: c.total };
      });

    const measureSlices = (service: Service) =>
      source.measure(
        request({
          indicator: goodTotal(service),
          budgetingMethod: 'Timeslices',
          objective: { timeSliceTarget: 0.95 },
          timeSliceMs: MIN,
        }),
      );

    it.each(['burst', 'sparse'] as const)(
      'counts good and judged one-minute slices of %s like countSlices does',
      async service => {
        const m = await measureSlices(service);
        for (const [w, e] of everyWindow(m)) {
          const own = countSlices(
            await ownSlices(service, lengthOf(w)),
            sliceRule,
          );
          const hand = countSlices(handSlices(service, lengthOf(w)), sliceRule);
          expect(own).toEqual(hand);
          // A short window of sparse may hold no minute with traffic.
          expect(e).toEqual(errorOf(timesliceSli(hand), 14));
        }
        const period = countSlices(handSlices(service, PERIOD_MS), sliceRule);
        expect(m.periodJudgedSlices).toBe(period.good + period.bad);
        expect(m.periodTotalEvents).toBeUndefined();
      },
    );

    it('finds the bad slices of the last hour', async () => {
      const m = await measureSlices('burst');
      expect(m.periodJudgedSlices).toBe(10_080);
      expect(m.periodErrorRatio).toBeCloseTo(60 / 10_080, 14);
      expect(m.windowErrorRatios[HOUR]).toBe(1);
      expect(m.windowErrorRatios[6 * HOUR]).toBeCloseTo(60 / 360, 14);
    });

    it('judges only slices with traffic', async () => {
      const m = await measureSlices('sparse');
      // Only every tenth minute has traffic; one in ten of those is bad.
      expect(m.periodJudgedSlices).toBe(1008);
      expect(m.periodErrorRatio).toBeCloseTo(0.1, 1);
    });

    it('means the slice ratios for RatioTimeslices', async () => {
      const m = await source.measure(
        request({
          indicator: goodTotal('sparse'),
          budgetingMethod: 'RatioTimeslices',
          timeSliceMs: MIN,
        }),
      );
      for (const [w, e] of everyWindow(m)) {
        const own = ratioTimesliceSli(await ownSlices('sparse', lengthOf(w)));
        const hand = ratioTimesliceSli(handSlices('sparse', lengthOf(w)));
        expect(own).toEqual(closeToOrUndefined(hand, 14));
        expect(e).toEqual(errorOf(hand, 12));
      }
      expect(m.periodErrorRatio).toBeCloseTo(0.05, 2);
    });

    it.each([
      [
        'a {{window}} query',
        'max_over_time(triad_latency_seconds{service="steady"}[{{window}}])',
      ],
      ['a gauge', 'triad_latency_seconds{service="steady"}'],
    ])('judges threshold slices of %s by the objective', async (_, query) => {
      const m = await source.measure(
        request({
          indicator: { thresholdMetric: metric(query) },
          budgetingMethod: 'Timeslices',
          objective: { op: 'lt', value: 0.3 },
          timeSliceMs: MIN,
        }),
      );
      for (const [w, e] of everyWindow(m)) {
        const slices = minutesIn(lengthOf(w)).map(i => ({
          value: data.latency[i],
        }));
        const hand = countSlices(slices, {
          kind: 'threshold',
          op: 'lt',
          value: 0.3,
        });
        expect(e).toBeCloseTo(1 - timesliceSli(hand)!, 14);
      }
      // One slow minute an hour.
      expect(m.periodErrorRatio).toBeCloseTo(1 / 60, 14);
      expect(m.periodJudgedSlices).toBe(10_080);
    });
  });

  it('counts threshold samples as events for Occurrences', async () => {
    const gauge = 'triad_latency_seconds{service="steady"}';
    const m = await source.measure(
      request({
        indicator: { thresholdMetric: metric(gauge) },
        objective: { op: 'lt', value: 0.3 },
      }),
    );
    for (const [w, e] of everyWindow(m)) {
      const window = lengthOf(w);
      const step = Math.max(MIN, Math.ceil(window / 1440 / 1000) * 1000);
      const range = `[${promDuration(window)}:${promDuration(step)}]`;
      const own = await promValue(
        `1 - sum_over_time((${gauge} < bool 0.3)${range}) / count_over_time(${gauge}${range})`,
      );
      expect(e).toBeCloseTo(own!, 14);
    }
    expect(m.windowErrorRatios[DAY]).toBeCloseTo(24 / 1440, 14);
  });

  it('measures every window of an objective in one round trip', async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    try {
      const cases = [
        request({ indicator: goodTotal('burst') }),
        request({
          indicator: goodTotal('burst'),
          budgetingMethod: 'Timeslices',
          objective: { timeSliceTarget: 0.95 },
          timeSliceMs: MIN,
        }),
        request({
          indicator: goodTotal('burst'),
          budgetingMethod: 'RatioTimeslices',
          timeSliceMs: MIN,
        }),
      ];
      for (const r of cases) {
        fetchSpy.mockClear();
        const m = await source.measure(r);
        expect(Object.keys(m.windowErrorRatios)).toHaveLength(7);
        expect(fetchSpy).toHaveBeenCalledTimes(1);
      }
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('reports a query Prometheus refuses as an InputError with its message', async () => {
    const error = await source
      .measure(
        request({
          indicator: {
            ratioMetric: {
              counter: true,
              good: metric('sum(rate(triad_requests_total[{{window}}])'),
              total: metric(requests('steady')),
            },
          },
        }),
      )
      .catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /^Prometheus data source "prom" \(http:\/\/127\.0\.0\.1:\d+\) refused the query for SLO "test-slo" \(HTTP 400 Bad Request, bad_data\): .*parse error/,
    );
  });

  it('reports a Prometheus that is down as ServiceUnavailableError', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const error = await source
      .measure(
        request({ indicator: goodTotal('steady'), config: { baseUrl: url } }),
      )
      .catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toContain(
      `Prometheus data source "prom" (${url}) is unreachable`,
    );
  });
});

describe('PrometheusDataSource against a misbehaving server', () => {
  let server: FakeServer;
  let answer: (body: string) => void;

  beforeEach(async () => {
    answer = () => {};
    server = await startFakeServer((req, res) => {
      answer = body => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(body);
      };
      if (req.body.includes('slow_total')) return; // answered later, or never
      const query = new URLSearchParams(req.body).get('query')!;
      // Every window and part answers NaN or an infinity.
      const result = [
        ...query.matchAll(/"slo_window", "([^"]+)".*?"slo_part", "([^"]+)"/g),
      ].map(([, window, part], i) => ({
        metric: { slo_window: window, slo_part: part },
        value: [at.getTime() / 1000, ['NaN', '+Inf', '-Inf'][i % 3]],
      }));
      answerJson(res, 200, {
        status: 'success',
        data: { resultType: 'vector', result },
      });
    });
  });

  afterEach(async () => {
    await server.close();
  });

  const viaServer = (
    query: string,
    over: Partial<Parameters<typeof request>[0]> = {},
  ) =>
    request({
      indicator: {
        ratioMetric: {
          counter: true,
          good: metric(query),
          total: metric(query),
        },
      },
      config: { baseUrl: server.url, bearerToken: 'tok' },
      ...over,
    });

  it('reads NaN and infinities as no data', async () => {
    const m = await source.measure(viaServer('x_total'));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].headers.authorization).toBe('Bearer tok');
    expect(everyWindow(m).every(([, e]) => e === undefined)).toBe(true);
    expect(hasNonFinite(m)).toBe(false);
  });

  it('gives up when the configured timeout passes', async () => {
    const started = Date.now();
    const error = await source
      .measure(
        viaServer('slow_total', {
          config: { baseUrl: server.url, timeout: '1s' },
        }),
      )
      .catch(e => e);
    // Never before the configured second; a source that was not cut off would
    // leave the test hanging instead.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toMatch(
      /^Prometheus data source "prom" .* did not answer the query for SLO "test-slo" in time/,
    );
  });

  it('gives up promptly when the backend aborts, and ignores a late answer', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const pending = source.measure(
      viaServer('slow_total', { signal: controller.signal }),
    );
    await expect(pending).rejects.toThrow(ServiceUnavailableError);
    expect(controller.signal.aborted).toBe(true);
    answer('{"status":"success","data":{"resultType":"vector","result":[]}}');
  });
});
