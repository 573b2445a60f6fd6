import {
  describeProblems,
  validateOpenSloDocument,
} from './validateOpenSloDocument';
import {
  objectiveTarget,
  sloServiceRef,
  timeSliceMs,
  toTimeWindow,
} from './model';

const validSlo = () => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: {
    name: 'checkout-availability',
    displayName: 'Checkout availability',
  },
  spec: {
    service: 'checkout-service',
    indicatorRef: 'checkout-requests',
    timeWindow: [{ duration: '28d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ displayName: 'Good responses', target: 0.999 }],
    alertPolicies: ['checkout-paging'],
  },
});

const validSli = () => ({
  apiVersion: 'openslo/v1',
  kind: 'SLI',
  metadata: { name: 'checkout-requests' },
  spec: {
    ratioMetric: {
      counter: true,
      good: {
        metricSource: {
          metricSourceRef: 'prometheus',
          spec: { query: 'http_requests_total{code!~"5.."}' },
        },
      },
      total: {
        metricSource: {
          metricSourceRef: 'prometheus',
          spec: { query: 'http_requests_total' },
        },
      },
    },
  },
});

const validCondition = () => ({
  apiVersion: 'openslo/v1',
  kind: 'AlertCondition',
  metadata: { name: 'fast-burn' },
  spec: {
    severity: 'page',
    condition: {
      kind: 'burnrate',
      op: 'gt',
      threshold: 14.4,
      lookbackWindow: '1h',
      alertAfter: '5m',
    },
  },
});

type Doc = Record<string, any>;

function problemsOf(doc: Doc) {
  const result = validateOpenSloDocument(doc);
  return result.ok ? [] : result.problems;
}

describe('validateOpenSloDocument', () => {
  it.each([
    ['SLO', validSlo()],
    ['SLI', validSli()],
    ['AlertCondition', validCondition()],
    [
      'DataSource',
      {
        apiVersion: 'openslo/v1',
        kind: 'DataSource',
        metadata: { name: 'prometheus' },
        spec: {
          type: 'Prometheus',
          connectionDetails: { url: 'http://prometheus:9090' },
        },
      },
    ],
    [
      'AlertPolicy',
      {
        apiVersion: 'openslo/v1',
        kind: 'AlertPolicy',
        metadata: { name: 'checkout-paging' },
        spec: {
          alertWhenBreaching: true,
          conditions: [{ conditionRef: 'fast-burn' }],
        },
      },
    ],
    [
      'calendar SLO with targetPercent and Timeslices',
      {
        ...validSlo(),
        spec: {
          ...validSlo().spec,
          timeWindow: [
            {
              duration: '1M',
              calendar: {
                startTime: '2026-01-01 00:00:00',
                timeZone: 'Europe/Berlin',
              },
            },
          ],
          budgetingMethod: 'Timeslices',
          objectives: [
            {
              targetPercent: 99.5,
              timeSliceTarget: 0.95,
              timeSliceWindow: '1m',
            },
          ],
        },
      },
    ],
  ])('accepts a valid %s', (_name, doc) => {
    expect(problemsOf(doc)).toEqual([]);
  });

  // Each kind of malformed document, with the field the problem must name.
  const cases: [string, () => Doc, string, RegExp][] = [
    ['not an object', () => ['a'] as any, '', /object/],
    [
      'wrong apiVersion',
      () => ({ ...validSlo(), apiVersion: 'openslo/v2' }),
      'apiVersion',
      /openslo\/v1/,
    ],
    [
      'unknown kind',
      () => ({ ...validSlo(), kind: 'CompositeSLO' }),
      'kind',
      /one of SLO, SLI/,
    ],
    [
      'missing name',
      () => ({ ...validSlo(), metadata: {} }),
      'metadata.name',
      /required/,
    ],
    [
      'missing spec',
      () => ({ ...validSlo(), spec: undefined }),
      'spec',
      /required/,
    ],
    [
      'missing service',
      () => {
        const d = validSlo();
        delete (d.spec as Doc).service;
        return d;
      },
      'spec.service',
      /required/,
    ],
    [
      'target above 1',
      () => {
        const d = validSlo();
        d.spec.objectives[0].target = 99.9;
        return d;
      },
      'spec.objectives[0].target',
      /below 1/,
    ],
    [
      'target of 1',
      () => {
        const d = validSlo();
        d.spec.objectives[0].target = 1;
        return d;
      },
      'spec.objectives[0].target',
      /no error budget/,
    ],
    [
      'target as string',
      () => {
        const d: Doc = validSlo();
        d.spec.objectives[0].target = '0.99';
        return d;
      },
      'spec.objectives[0].target',
      /number/,
    ],
    [
      'both target and targetPercent',
      () => {
        const d: Doc = validSlo();
        d.spec.objectives[0].targetPercent = 99;
        return d;
      },
      'spec.objectives[0].target',
      /exactly one of target/,
    ],
    [
      'targetPercent of 100',
      () => {
        const d: Doc = validSlo();
        d.spec.objectives[0] = { targetPercent: 100 };
        return d;
      },
      'spec.objectives[0].targetPercent',
      /below 100/,
    ],
    [
      'no objectives',
      () => {
        const d = validSlo();
        d.spec.objectives = [];
        return d;
      },
      'spec.objectives',
      /at least one/,
    ],
    [
      'bad duration',
      () => {
        const d = validSlo();
        d.spec.timeWindow[0].duration = '28 days';
        return d;
      },
      'spec.timeWindow[0].duration',
      /not a duration/,
    ],
    [
      'rolling month',
      () => {
        const d = validSlo();
        d.spec.timeWindow[0].duration = '1M';
        return d;
      },
      'spec.timeWindow[0].duration',
      /fixed length/,
    ],
    [
      'two time windows',
      () => {
        const d = validSlo();
        d.spec.timeWindow.push({ duration: '7d', isRolling: true });
        return d;
      },
      'spec.timeWindow',
      /exactly one/,
    ],
    [
      'calendar without calendar block',
      () => {
        const d: Doc = validSlo();
        d.spec.timeWindow = [{ duration: '1M' }];
        return d;
      },
      'spec.timeWindow[0].calendar',
      /required/,
    ],
    [
      'unknown time zone',
      () => {
        const d: Doc = validSlo();
        d.spec.timeWindow = [
          {
            duration: '1M',
            calendar: {
              startTime: '2026-01-01 00:00:00',
              timeZone: 'Mars/Olympus',
            },
          },
        ];
        return d;
      },
      'spec.timeWindow[0].calendar.timeZone',
      /IANA/,
    ],
    [
      'malformed start time',
      () => {
        const d: Doc = validSlo();
        d.spec.timeWindow = [
          {
            duration: '1M',
            calendar: { startTime: 'January', timeZone: 'UTC' },
          },
        ];
        return d;
      },
      'spec.timeWindow[0].calendar.startTime',
      /not a time/,
    ],
    [
      'unknown budgeting method',
      () => {
        const d: Doc = validSlo();
        d.spec.budgetingMethod = 'Events';
        return d;
      },
      'spec.budgetingMethod',
      /Occurrences, Timeslices/,
    ],
    [
      'Timeslices without window',
      () => {
        const d: Doc = validSlo();
        d.spec.budgetingMethod = 'Timeslices';
        d.spec.objectives[0].timeSliceTarget = 0.9;
        return d;
      },
      'spec.objectives[0].timeSliceWindow',
      /required with budgetingMethod Timeslices/,
    ],
    [
      'Timeslices without slice target',
      () => {
        const d: Doc = validSlo();
        d.spec.budgetingMethod = 'Timeslices';
        d.spec.objectives[0].timeSliceWindow = '1m';
        return d;
      },
      'spec.objectives[0].timeSliceTarget',
      /required/,
    ],
    [
      'no SLI at all',
      () => {
        const d: Doc = validSlo();
        delete d.spec.indicatorRef;
        return d;
      },
      'spec.objectives[0].indicatorRef',
      /no SLI/,
    ],
    [
      'indicator and indicatorRef',
      () => {
        const d: Doc = validSlo();
        d.spec.indicator = { metadata: { name: 'x' }, spec: validSli().spec };
        return d;
      },
      'spec.indicatorRef',
      /together/,
    ],
    [
      'indicator and indicatorRef on one objective',
      () => {
        const d: Doc = validSlo();
        d.spec.objectives[0].indicatorRef = 'other';
        d.spec.objectives[0].indicator = {
          metadata: { name: 'x' },
          spec: validSli().spec,
        };
        return d;
      },
      'spec.objectives[0].indicatorRef',
      /together/,
    ],
    [
      'threshold SLI without op',
      () => {
        const d: Doc = validSlo();
        delete d.spec.indicatorRef;
        d.spec.indicator = {
          metadata: { name: 'latency' },
          spec: {
            thresholdMetric: {
              metricSource: { type: 'Prometheus', spec: { query: 'q' } },
            },
          },
        };
        return d;
      },
      'spec.objectives[0].op',
      /threshold SLI needs op and value/,
    ],
    [
      'op without value on a threshold SLI',
      () => {
        const d: Doc = validSlo();
        delete d.spec.indicatorRef;
        d.spec.indicator = {
          metadata: { name: 'latency' },
          spec: {
            thresholdMetric: {
              metricSource: { type: 'prometheus', spec: { query: 'p99' } },
            },
          },
        };
        d.spec.objectives[0].op = 'lte';
        return d;
      },
      'spec.objectives[0].value',
      /a threshold SLI needs op and value/,
    ],
    [
      'bad op',
      () => {
        const d: Doc = validSlo();
        d.spec.objectives[0].op = 'le';
        d.spec.objectives[0].value = 1;
        return d;
      },
      'spec.objectives[0].op',
      /lt, lte, gt, gte/,
    ],
    [
      'SLI with both metrics',
      () => {
        const d: Doc = validSli();
        d.spec.thresholdMetric = d.spec.ratioMetric.good;
        return d;
      },
      'spec.ratioMetric',
      /exactly one/,
    ],
    [
      'SLI with good and bad',
      () => {
        const d: Doc = validSli();
        d.spec.ratioMetric.bad = d.spec.ratioMetric.good;
        return d;
      },
      'spec.ratioMetric.bad',
      /together with good/,
    ],
    [
      'SLI without total',
      () => {
        const d: Doc = validSli();
        delete d.spec.ratioMetric.total;
        return d;
      },
      'spec.ratioMetric.total',
      /required/,
    ],
    [
      'SLI counter not boolean',
      () => {
        const d: Doc = validSli();
        d.spec.ratioMetric.counter = 'yes';
        return d;
      },
      'spec.ratioMetric.counter',
      /true or false/,
    ],
    [
      'raw without rawType',
      () => {
        const d: Doc = validSli();
        d.spec.ratioMetric = { counter: false, raw: d.spec.ratioMetric.good };
        return d;
      },
      'spec.ratioMetric.rawType',
      /required with raw/,
    ],
    [
      'metric source without ref or type',
      () => {
        const d: Doc = validSli();
        d.spec.ratioMetric.good.metricSource = { spec: {} };
        return d;
      },
      'spec.ratioMetric.good.metricSource',
      /metricSourceRef/,
    ],
    [
      'DataSource without type',
      () => ({
        apiVersion: 'openslo/v1',
        kind: 'DataSource',
        metadata: { name: 'p' },
        spec: {},
      }),
      'spec.type',
      /required/,
    ],
    [
      'AlertPolicy without conditions',
      () => ({
        apiVersion: 'openslo/v1',
        kind: 'AlertPolicy',
        metadata: { name: 'p' },
        spec: { conditions: [] },
      }),
      'spec.conditions',
      /at least one/,
    ],
    [
      'AlertPolicy with a bad condition',
      () => ({
        apiVersion: 'openslo/v1',
        kind: 'AlertPolicy',
        metadata: { name: 'p' },
        spec: { conditions: [{ ref: 'x' }] },
      }),
      'spec.conditions[0].conditionRef',
      /required/,
    ],
    [
      'AlertCondition with a negative threshold',
      () => {
        const d: Doc = validCondition();
        d.spec.condition.threshold = -1;
        return d;
      },
      'spec.condition.threshold',
      /above 0/,
    ],
    [
      'AlertCondition of another kind',
      () => {
        const d: Doc = validCondition();
        d.spec.condition.kind = 'errors';
        return d;
      },
      'spec.condition.kind',
      /burnrate/,
    ],
    [
      'AlertCondition with a calendar lookback',
      () => {
        const d: Doc = validCondition();
        d.spec.condition.lookbackWindow = '1M';
        return d;
      },
      'spec.condition.lookbackWindow',
      /fixed length/,
    ],
  ];

  it.each(cases)('rejects %s', (_name, make, path, message) => {
    const problems = problemsOf(make());
    expect(problems).toEqual(
      expect.arrayContaining([
        { path, message: expect.stringMatching(message) },
      ]),
    );
  });

  it.each([['0m'], ['90s'], [undefined]])(
    'accepts alertAfter %p (OpenSLO: default 0m)',
    alertAfter => {
      const d: Doc = validCondition();
      d.spec.condition.alertAfter = alertAfter;
      expect(problemsOf(d)).toEqual([]);
    },
  );

  it.each([['1M'], ['-5m'], ['soon']])('refuses alertAfter %p', alertAfter => {
    const d: Doc = validCondition();
    d.spec.condition.alertAfter = alertAfter;
    expect(problemsOf(d)).toEqual([
      {
        path: 'spec.condition.alertAfter',
        message: `"${alertAfter}" is not a wait such as 0m, 5m or 1h (s, m, h, d or w)`,
      },
    ]);
  });

  it("checks an objective against its own SLI, not the SLO's", () => {
    // The objective's SLI is referenced: only the resolver knows its kind.
    const d: Doc = validSlo();
    delete d.spec.indicatorRef;
    d.spec.indicator = {
      metadata: { name: 'latency' },
      spec: {
        thresholdMetric: {
          metricSource: { type: 'Prometheus', spec: { query: 'q' } },
        },
      },
    };
    d.spec.objectives[0].indicatorRef = 'checkout-requests';
    expect(problemsOf(d)).toEqual([]);
    d.spec.objectives.push({ target: 0.99 });
    expect(problemsOf(d)).toEqual([
      {
        path: 'spec.objectives[1].op',
        message: 'a threshold SLI needs op and value on each objective',
      },
    ]);
  });

  it('lists every problem of a document, not just the first', () => {
    const d: Doc = validSlo();
    d.spec.objectives[0].target = 2;
    d.spec.budgetingMethod = 'Events';
    d.spec.timeWindow[0].duration = 'x';
    expect(
      problemsOf(d)
        .map(p => p.path)
        .sort(),
    ).toEqual([
      'spec.budgetingMethod',
      'spec.objectives[0].target',
      'spec.timeWindow[0].duration',
    ]);
  });

  it('describes problems with the document and field names', () => {
    const d: Doc = validSlo();
    d.spec.objectives[0].target = 2;
    const result = validateOpenSloDocument(d);
    expect(result.ok).toBe(false);
    expect(describeProblems(d, result.ok ? [] : result.problems)).toBe(
      'OpenSLO SLO "checkout-availability" is invalid: spec.objectives[0].target: must be below 1; a 100 % objective leaves no error budget',
    );
  });
});

describe('validateOpenSloDocument: as lenient as OpenSLO', () => {
  const warningsOf = (doc: unknown) => {
    const result = validateOpenSloDocument(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result;
  };

  it('reads an empty alertPolicies key as no policies, with a warning', () => {
    const d: Doc = validSlo();
    d.spec.alertPolicies = null;
    const { document, warnings } = warningsOf(d);
    expect((document.spec as Doc).alertPolicies).toBeUndefined();
    expect(warnings).toEqual([
      {
        path: 'spec.alertPolicies',
        message: expect.stringMatching(
          /^is empty: the default burn-rate tiers apply/,
        ),
      },
    ]);
    expect(d.spec.alertPolicies).toBeNull(); // the input is left as it was
  });

  it('reads a ratioMetric without counter as counters, with a warning', () => {
    const d: Doc = validSli();
    delete d.spec.ratioMetric.counter;
    const { document, warnings } = warningsOf(d);
    expect((document.spec as Doc).ratioMetric.counter).toBe(true);
    expect(warnings).toEqual([
      {
        path: 'spec.ratioMetric.counter',
        message: expect.stringMatching(
          /^is not given: the metrics are read as counters/,
        ),
      },
    ]);
  });

  it('ignores op (or value) on a ratio SLI, with a warning', () => {
    const d: Doc = validSlo();
    delete d.spec.indicatorRef;
    d.spec.indicator = {
      metadata: { name: 'requests' },
      spec: validSli().spec,
    };
    d.spec.objectives[0].op = 'gte';
    expect(warningsOf(d).warnings).toEqual([
      {
        path: 'spec.objectives[0].op',
        message: expect.stringMatching(
          /^is ignored: op and value compare a thresholdMetric SLI/,
        ),
      },
    ]);
    // A referenced SLI is the resolver's to judge: no warning, no problem.
    const ref: Doc = validSlo();
    ref.spec.objectives[0].op = 'gte';
    expect(warningsOf(ref).warnings).toEqual([]);
  });

  it('takes a rolling 28-day window when an SLO gives none', () => {
    const d: Doc = validSlo();
    delete d.spec.timeWindow;
    const { document, warnings } = warningsOf(d);
    expect((document.spec as Doc).timeWindow).toEqual([
      { duration: '28d', isRolling: true },
    ]);
    expect(warnings.map(w => w.path)).toEqual(['spec.timeWindow']);
  });

  it('takes burnrate for a condition without kind, and targets of 0', () => {
    const c: Doc = validCondition();
    delete c.spec.condition.kind;
    const condition = warningsOf(c);
    expect((condition.document.spec as Doc).condition.kind).toBe('burnrate');
    expect(condition.warnings).toEqual([]);
    const d: Doc = validSlo();
    d.spec.objectives[0] = { target: 0, timeSliceTarget: 0 };
    expect(warningsOf(d).warnings.map(w => w.path)).toEqual([
      'spec.objectives[0].target',
    ]);
  });

  it('accepts Service and AlertNotificationTarget documents, and inline targets', () => {
    expect(
      warningsOf({
        apiVersion: 'openslo/v1',
        kind: 'Service',
        metadata: { name: 'checkout', labels: { team: ['a', 'b'] } },
        spec: {},
      }).warnings,
    ).toEqual([]);
    expect(
      validateOpenSloDocument({
        apiVersion: 'openslo/v1',
        kind: 'AlertNotificationTarget',
        metadata: { name: 'oncall' },
        spec: { description: 'the pager' },
      }),
    ).toEqual({
      ok: false,
      problems: [{ path: 'spec.target', message: 'is required' }],
    });
    expect(
      validateOpenSloDocument({
        apiVersion: 'openslo/v1',
        kind: 'AlertPolicy',
        metadata: { name: 'p' },
        spec: {
          conditions: [{ conditionRef: 'fast' }],
          notificationTargets: [
            { targetRef: 'oncall' },
            {
              kind: 'AlertNotificationTarget',
              metadata: { name: 'channel' },
              spec: { target: 'slack' },
            },
          ],
        },
      }).ok,
    ).toBe(true);
  });
});

describe('OpenSLO model helpers', () => {
  it('reads targets, windows, slices and the service reference', () => {
    const d = validateOpenSloDocument({
      ...validSlo(),
      metadata: { name: 'x', namespace: 'payments' },
      spec: {
        ...validSlo().spec,
        service: 'ledger-service',
        timeWindow: [
          {
            duration: '1M',
            calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'UTC' },
          },
        ],
        budgetingMethod: 'Timeslices',
        objectives: [
          { targetPercent: 99.5, timeSliceTarget: 0.9, timeSliceWindow: 30 },
        ],
      },
    });
    if (!d.ok || d.document.kind !== 'SLO')
      throw new Error('expected a valid SLO');
    const slo = d.document;
    expect(objectiveTarget(slo.spec.objectives[0])).toBeCloseTo(0.995, 12);
    // A bare number is minutes, as OpenSLO says.
    expect(timeSliceMs(slo.spec.objectives[0])).toBe(30 * 60_000);
    expect(toTimeWindow(slo.spec.timeWindow[0])).toEqual({
      type: 'calendar',
      duration: '1M',
      startTime: '2026-01-01 00:00:00',
      timeZone: 'UTC',
    });
    expect(sloServiceRef(slo)).toEqual({
      kind: 'component',
      namespace: 'payments',
      name: 'ledger-service',
    });
  });
});
