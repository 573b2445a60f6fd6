import { InputError, ServiceUnavailableError } from '@backstage/errors';
import {
  BudgetingMethod,
  burnDown,
  evaluateObjective,
  Period,
  SliSpec,
  SloDocument,
  SloObjective,
  TimelineBucket,
} from '@triad/plugin-slo-common';
import { SloMeasureRequest } from '@triad/plugin-slo-node';
import {
  answerJson,
  FakeServer,
  startFakeServer,
} from './__testUtils__/startFakeServer';
import {
  RunningPrometheus,
  startPrometheus,
} from './testUtils/startPrometheus';
import {
  RESTART_FROM_END,
  Service,
  syntheticData,
} from './testUtils/syntheticData';
import { PrometheusDataSource } from './PrometheusDataSource';

/*
 * The timeline against a real Prometheus (Debian's 2.42) over eight days of
 * known per-minute data. Its last point is compared with `measure` at the same
 * instant (the SLO backend pins the chart's end to the evaluation; these tests
 * call the data source directly, so nothing is pinned), its steps with counts
 * worked out from the generated data, and its slices with Prometheus's own
 * judgement of each slice.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const data = syntheticData(Math.floor(Date.now() / MIN) * MIN - 2 * MIN, 8);
const at = new Date(data.lastSampleMs + 30_000);

const ROLLING: Period = {
  start: new Date(at.getTime() - 7 * DAY),
  end: at,
  lengthMs: 7 * DAY,
  elapsedFraction: 1,
};
// A 30-day calendar period 5 days and 7 h 13 min 7.123 s under way: the
// period start is on no step or minute boundary.
const CALENDAR_SPAN = 5 * DAY + 7 * HOUR + 13 * MIN + 7_123;
const CALENDAR: Period = {
  start: new Date(at.getTime() - CALENDAR_SPAN),
  end: new Date(at.getTime() - CALENDAR_SPAN + 30 * DAY),
  lengthMs: 30 * DAY,
  elapsedFraction: CALENDAR_SPAN / (30 * DAY),
};

let prometheus: RunningPrometheus;
const source = new PrometheusDataSource();

const metric = (query: string) => ({
  metricSource: { metricSourceRef: 'prometheus', spec: { query } },
});
const requests = (service: string, extra = '') =>
  `triad_requests_total{service="${service}"${extra}}`;
const goodTotal = (service: string): SliSpec => ({
  ratioMetric: {
    counter: true,
    good: metric(requests(service, ',code!~"5.."')),
    total: metric(requests(service)),
  },
});
const badTotal = (service: string): SliSpec => ({
  ratioMetric: {
    counter: true,
    bad: metric(requests(service, ',code=~"5.."')),
    total: metric(requests(service)),
  },
});
const latency: SliSpec = {
  thresholdMetric: metric('triad_latency_seconds{service="steady"}'),
};
const rawRatio: SliSpec = {
  ratioMetric: {
    counter: false,
    rawType: 'success',
    raw: metric(
      `sum(rate(${requests(
        'burst',
        ',code!~"5.."',
      )}[5m])) / sum(rate(${requests('burst')}[5m]))`,
    ),
  },
};

interface Case {
  name: string;
  indicator: SliSpec;
  budgetingMethod?: BudgetingMethod;
  objective?: Partial<SloObjective>;
  timeSliceMs?: number;
  /** The service whose counts the steps are checked against, by hand. */
  service?: Service;
}

const CASES: Case[] = [
  {
    name: 'good/total counters',
    indicator: goodTotal('steady'),
    service: 'steady',
  },
  {
    name: 'bad/total counters with an incident',
    indicator: badTotal('burst'),
    service: 'burst',
  },
  {
    name: 'counters that reset',
    indicator: goodTotal('restart'),
    service: 'restart',
  },
  {
    name: 'threshold samples',
    indicator: latency,
    objective: { op: 'lte', value: 0.3 },
  },
  { name: 'a raw success ratio', indicator: rawRatio },
  {
    name: 'Timeslices of a ratio',
    indicator: goodTotal('restart'),
    budgetingMethod: 'Timeslices',
    objective: { timeSliceTarget: 0.99 },
    timeSliceMs: 5 * MIN,
  },
  {
    name: 'Timeslices of a threshold',
    indicator: latency,
    budgetingMethod: 'Timeslices',
    objective: { op: 'lte', value: 0.3 },
    timeSliceMs: MIN,
  },
  {
    name: 'RatioTimeslices',
    indicator: goodTotal('sparse'),
    budgetingMethod: 'RatioTimeslices',
    timeSliceMs: 10 * MIN,
  },
];

function request(
  c: Case,
  period: Period,
  over: Partial<SloMeasureRequest> & { config?: Record<string, unknown> } = {},
): SloMeasureRequest {
  const objective = { target: 0.99, ...c.objective } as SloObjective;
  return {
    slo: {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 'timeline-slo' },
      spec: {
        service: 'test-service',
        indicator: { metadata: { name: 'test-sli' }, spec: c.indicator },
        timeWindow: [{ duration: '7d', isRolling: true }],
        budgetingMethod: c.budgetingMethod ?? 'Occurrences',
        objectives: [objective],
      },
    } as SloDocument,
    objective,
    indicator: c.indicator,
    source: {
      name: 'prom',
      type: 'prometheus',
      config: over.config ?? { baseUrl: prometheus.url },
    },
    period,
    windowsMs: [],
    timeSliceMs: c.timeSliceMs,
    at,
    signal: AbortSignal.timeout(30_000),
    ...over,
  };
}

/** The step the SLO backend asks for: about 200 points, in whole slices. */
function stepFor(period: Period, sliceMs = MIN): number {
  const span = period.elapsedFraction * period.lengthMs;
  return Math.max(sliceMs, Math.ceil(span / 200 / sliceMs) * sliceMs);
}

const sum = (buckets: TimelineBucket[], key: 'good' | 'total') =>
  buckets.reduce((s, b) => s + b[key], 0);

/** Requests and errors in the minutes whose sample lies in (from, to]. */
function byHand(service: Service, from: number, to: number) {
  let total = 0;
  let errors = 0;
  data.minutes.forEach((t, i) => {
    if (t > from && t <= to) {
      total += data.counts[service][i].total;
      errors += data.counts[service][i].errors;
    }
  });
  return { total, errors };
}

describe('PrometheusDataSource.timeline against a real Prometheus', () => {
  beforeAll(async () => {
    prometheus = await startPrometheus(data.openMetrics);
  }, 90_000);

  afterAll(async () => {
    await prometheus?.stop();
  });

  describe.each([
    ['a rolling 7-day period', ROLLING],
    ['a calendar period under way', CALENDAR],
  ])('over %s', (_, period) => {
    it.each(CASES.map(c => [c.name, c] as const))(
      'ends at what measure reports for the same instant: %s',
      async (__, c) => {
        const stepMs = stepFor(period, c.timeSliceMs);
        const fetchSpy = jest.spyOn(globalThis, 'fetch');
        let buckets: TimelineBucket[];
        try {
          buckets = await source.timeline(request(c, period), stepMs);
          // One range query for the whole chart.
          expect(fetchSpy).toHaveBeenCalledTimes(1);
          expect(String(fetchSpy.mock.calls[0][0])).toMatch(
            /\/api\/v1\/query_range$/,
          );
        } finally {
          fetchSpy.mockRestore();
        }
        const m = await source.measure(request(c, period));
        expect(m.periodErrorRatio).toBeDefined();

        // Steps from the period start to the evaluation, about 200 of them.
        const span = at.getTime() - period.start.getTime();
        expect(buckets[0].start).toBe(period.start.getTime());
        buckets.forEach((b, k) =>
          expect(b.start).toBe(period.start.getTime() + k * stepMs),
        );
        expect(buckets.length).toBe(Math.ceil(span / stepMs));
        expect(buckets.length).toBeLessThanOrEqual(201);

        // The last point is the evaluation's, to 1e-12, with nothing pinned.
        const good = sum(buckets, 'good');
        const total = sum(buckets, 'total');
        expect(Math.abs(1 - good / total - m.periodErrorRatio!)).toBeLessThan(
          1e-12,
        );
        // Events or slices, when measure counts them, are the period's.
        const counted = m.periodTotalEvents ?? m.periodJudgedSlices;
        expect(
          counted === undefined || Math.abs(total - counted) / counted < 1e-12,
        ).toBe(true);
        const target = 0.99;
        const evaluation = evaluateObjective(m, {
          target,
          budgetingMethod: c.budgetingMethod ?? 'Occurrences',
          period,
          calendar: period === CALENDAR,
          tiers: [],
          timeSliceMs: c.timeSliceMs,
        });
        const last = burnDown(buckets, target, period, stepMs).at(-1)!;
        expect(last.t).toBe(at.getTime());
        expect(Math.abs(last.sli! - evaluation.sli!)).toBeLessThan(1e-9);
        expect(
          Math.abs(last.remaining! - evaluation.budget.remaining!),
        ).toBeLessThan(1e-9);
        // Never above 100 %, whatever the scaling did.
        const points = burnDown(buckets, target, period, stepMs);
        expect(Math.max(...points.map(p => p.sli ?? 0))).toBeLessThanOrEqual(
          1 + 1e-12,
        );
      },
    );
  });

  it.each(CASES.filter(c => c.service).map(c => [c.name, c] as const))(
    'follows the traffic of every step: %s',
    async (_, c) => {
      const stepMs = stepFor(ROLLING);
      const buckets = await source.timeline(request(c, ROLLING), stepMs);
      let good = 0;
      let total = 0;
      buckets.forEach((b, k) => {
        good += b.good;
        total += b.total;
        const end = Math.min(b.start + stepMs, at.getTime());
        const hand = byHand(c.service!, ROLLING.start.getTime(), end);
        // increase() interpolates between minute samples at the step ends,
        // so a step is off by at most a fraction of a minute's traffic.
        expect(Math.abs(total - hand.total)).toBeLessThan(1000);
        expect(Math.abs(total - good - hand.errors)).toBeLessThan(
          k === buckets.length - 1 ? 100 : Math.max(5, hand.errors * 0.01),
        );
      });
    },
  );

  it('counts across a counter reset as if it had not happened', async () => {
    const c = CASES.find(x => x.service === 'restart')!;
    const stepMs = stepFor(ROLLING);
    const buckets = await source.timeline(request(c, ROLLING), stepMs);
    const restartAt = data.lastSampleMs - RESTART_FROM_END * MIN;
    // Every step has its 500 requests a minute: none lost, none negative.
    for (const b of buckets.slice(0, -1)) {
      expect(b.total / (stepMs / MIN)).toBeCloseTo(500, -1);
      expect(b.good).toBeGreaterThan(0);
    }
    // The two bad hours before the restart are where the errors are.
    const errorsOf = (b: TimelineBucket) => b.total - b.good;
    const worst = [...buckets].sort((a, b) => errorsOf(b) - errorsOf(a))[0];
    expect(worst.start).toBeLessThan(restartAt);
    expect(worst.start + stepMs).toBeGreaterThan(restartAt - 2 * HOUR);
  });

  it('counts the same slices as Prometheus judges one by one', async () => {
    const c = CASES.find(x => x.name === 'Timeslices of a ratio')!;
    const slice = c.timeSliceMs!;
    const stepMs = stepFor(CALENDAR, slice);
    const buckets = await source.timeline(request(c, CALENDAR), stepMs);
    // Prometheus's own verdict on each slice ending in the period.
    const first = Math.ceil((CALENDAR.start.getTime() + 1) / slice) * slice;
    const last = Math.floor(at.getTime() / slice) * slice;
    const perSlice = `(sum(increase(${requests(
      'restart',
      ',code!~"5.."',
    )}[5m])) or vector(0)) / (sum(increase(${requests(
      'restart',
    )}[5m])) > 0) >= bool 0.99`;
    const res = await fetch(
      `${prometheus.url}/api/v1/query_range?${new URLSearchParams({
        query: perSlice,
        start: String(first / 1000),
        end: String(last / 1000),
        step: String(slice / 1000),
      })}`,
    );
    const values: [number, string][] = (await res.json()).data.result[0].values;
    const expected = buckets.map(b => ({ good: 0, total: 0, start: b.start }));
    for (const [t, v] of values) {
      const k = Math.min(
        buckets.length - 1,
        Math.floor((t * 1000 - 1 - CALENDAR.start.getTime()) / stepMs),
      );
      expected[k].good += Number(v);
      expected[k].total += 1;
    }
    buckets.forEach((b, k) => {
      expect(b.total).toBeCloseTo(expected[k].total, 9);
      expect(b.good).toBeCloseTo(expected[k].good, 9);
    });
    expect(sum(buckets, 'total')).toBeCloseTo(values.length, 9);
  });

  it('keeps a quarter to about 200 points and refuses steps that would draw thousands', async () => {
    const quarter: Period = {
      start: new Date(at.getTime() - 60 * DAY - 1234),
      end: new Date(at.getTime() + 31 * DAY),
      lengthMs: 91 * DAY + 1234,
      elapsedFraction: (60 * DAY + 1234) / (91 * DAY + 1234),
    };
    const stepMs = stepFor(quarter);
    const buckets = await source.timeline(request(CASES[0], quarter), stepMs);
    expect(stepMs).toBe(433 * MIN);
    expect(buckets.length).toBe(200);
    const error = await source
      .timeline(request(CASES[0], quarter), MIN)
      .catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/has 86401 points; at most 2000 are drawn/);
  });

  it('draws nothing before the period has begun and no data without traffic', async () => {
    const idle = await source.timeline(
      request({ name: 'idle', indicator: goodTotal('idle') }, ROLLING),
      stepFor(ROLLING),
    );
    expect(idle.every(b => b.good === 0 && b.total === 0)).toBe(true);
    const burnt = burnDown(idle, 0.99, ROLLING, stepFor(ROLLING));
    expect(
      burnt.every(p => p.sli === undefined && p.remaining === undefined),
    ).toBe(true);
    const justStarted = await source.timeline(
      request(CASES[0], {
        ...CALENDAR,
        start: new Date(at.getTime() - 500),
      }),
      MIN,
    );
    expect(justStarted).toEqual([]);
  });

  it('reports a query Prometheus refuses as an InputError, as measure does', async () => {
    const bad: Case = {
      name: 'bad',
      indicator: {
        ratioMetric: {
          counter: true,
          good: metric('sum(rate(triad_requests_total[{{window}}])'),
          total: metric(requests('steady')),
        },
      },
    };
    const error = await source
      .timeline(request(bad, ROLLING), stepFor(ROLLING))
      .catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /^Prometheus data source "prom" \(http:\/\/127\.0\.0\.1:\d+\) refused the query for the timeline of SLO "timeline-slo" \(HTTP 400 Bad Request, bad_data\): .*parse error/,
    );
  });
});

describe('PrometheusDataSource.timeline against a slow server', () => {
  let server: FakeServer;
  let answer: () => void;

  beforeEach(async () => {
    answer = () => {};
    server = await startFakeServer((_req, res) => {
      // Answers only when told to, or never.
      answer = () =>
        answerJson(res, 200, {
          status: 'success',
          data: { resultType: 'matrix', result: [] },
        });
    });
  });

  afterEach(async () => {
    await server.close();
  });

  const slow = (over: Partial<SloMeasureRequest> & { config?: any }) =>
    request(CASES[0], ROLLING, {
      config: { baseUrl: server.url },
      ...over,
    });

  it('gives up when the configured timeout passes', async () => {
    const started = Date.now();
    const error = await source
      .timeline(
        slow({ config: { baseUrl: server.url, timeout: '1s' } }),
        stepFor(ROLLING),
      )
      .catch(e => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toMatch(
      /^Prometheus data source "prom" .* did not answer the query for the timeline of SLO "timeline-slo" in time/,
    );
    expect(new URLSearchParams(server.requests[0].body).get('step')).toBe(
      `${stepFor(ROLLING) / MIN}m`,
    );
  });

  it('gives up promptly when the backend aborts, and ignores a late answer', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const pending = source.timeline(
      slow({ signal: controller.signal }),
      stepFor(ROLLING),
    );
    await expect(pending).rejects.toThrow(ServiceUnavailableError);
    answer();
  });
});
