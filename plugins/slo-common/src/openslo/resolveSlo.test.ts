import { formatResolutionProblem } from './formatResolutionProblem';
import { OpenSloReferenceKind } from './openSloReferences';
import { OpenSloLookup } from './resolvedSlo';
import { resolveSlo } from './resolveSlo';
import {
  SloDocument,
  validateOpenSloDocument,
} from './validateOpenSloDocument';

/*
 * Every way an SLO can give its SLI, data source, policies and conditions,
 * each with the answer written out by hand.
 */

type Doc = Record<string, any>;

/** An SLI spec whose queries carry `tag`, so tests can tell SLIs apart. */
const sliSpec = (tag: string, source: object = { type: 'prometheus' }) => ({
  ratioMetric: {
    counter: true,
    good: { metricSource: { ...source, spec: { query: `good_${tag}` } } },
    total: { metricSource: { ...source, spec: { query: `total_${tag}` } } },
  },
});
const inlineSli = (tag: string, source?: object) => ({
  metadata: { name: tag },
  spec: sliSpec(tag, source),
});
const sli = (name: string, source?: object): Doc => ({
  apiVersion: 'openslo/v1',
  kind: 'SLI',
  metadata: { name },
  spec: sliSpec(name, source),
});
const condition = (name: string, fields: Doc = {}, severity = 'page'): Doc => ({
  apiVersion: 'openslo/v1',
  kind: 'AlertCondition',
  metadata: { name },
  spec: {
    severity,
    condition: {
      kind: 'burnrate',
      op: 'gt',
      threshold: 14.4,
      lookbackWindow: '1h',
      alertAfter: '2m',
      ...fields,
    },
  },
});
const inlineCondition = (name: string, c?: Doc, severity?: string) => {
  const { apiVersion: _, ...rest } = condition(name, c, severity);
  return rest;
};
const policy = (name: string, conditions: Doc[]): Doc => ({
  apiVersion: 'openslo/v1',
  kind: 'AlertPolicy',
  metadata: { name },
  spec: { conditions },
});
const inlinePolicy = (name: string, conditions: Doc[]) => {
  const { apiVersion: _, ...rest } = policy(name, conditions);
  return rest;
};

function slo(spec: Doc, objectives: Doc[] = [{ target: 0.999 }]): SloDocument {
  const result = validateOpenSloDocument({
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'checkout' },
    spec: {
      service: 'checkout',
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives,
      ...spec,
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.document as SloDocument;
}

/** A lookup over `docs` that records what it was asked. */
function store(...docs: Doc[]) {
  const asked: string[] = [];
  const lookup: OpenSloLookup = (kind, name) => {
    asked.push(`${kind}:${name}`);
    return docs.find(d => d.kind === kind && d.metadata.name === name);
  };
  return { lookup, asked };
}

const DOCS = [
  sli('slo-ref'),
  sli('obj-ref'),
  sli('obj-ref-2'),
  sli('via-prom', { metricSourceRef: 'prom' }),
  sli('via-nowhere', { metricSourceRef: 'nowhere' }),
  {
    apiVersion: 'openslo/v1',
    kind: 'DataSource',
    metadata: { name: 'prom' },
    spec: { type: 'Prometheus', connectionDetails: { url: 'http://prom' } },
  },
];

describe('resolveSlo: which SLI an objective measures', () => {
  const levels: Record<string, (at: 'slo' | 'obj') => Doc> = {
    none: () => ({}),
    inline: at => ({ indicator: inlineSli(`${at}-inline`) }),
    ref: at => ({ indicatorRef: `${at}-ref` }),
  };

  // Objective-level before SLO-level (OpenSLO v1 moves the SLI into the
  // objectives for composite SLOs); the last column is the answer.
  it.each([
    ['inline', 'none', 'spec.indicator', 'slo-inline'],
    ['ref', 'none', 'spec.indicatorRef', 'slo-ref'],
    ['none', 'inline', 'spec.objectives[0].indicator', 'obj-inline'],
    ['none', 'ref', 'spec.objectives[0].indicatorRef', 'obj-ref'],
    ['inline', 'inline', 'spec.objectives[0].indicator', 'obj-inline'],
    ['inline', 'ref', 'spec.objectives[0].indicatorRef', 'obj-ref'],
    ['ref', 'inline', 'spec.objectives[0].indicator', 'obj-inline'],
    ['ref', 'ref', 'spec.objectives[0].indicatorRef', 'obj-ref'],
  ])('SLO-level %s, objective-level %s: %s', (atSlo, atObj, path, name) => {
    const doc = slo(levels[atSlo]('slo'), [
      { target: 0.99, ...levels[atObj]('obj') },
    ]);
    const { objectives, problems } = resolveSlo(doc, store(...DOCS).lookup);
    expect(problems).toEqual([]);
    expect(objectives[0].sli).toMatchObject({ path, name });
    expect(
      objectives[0].sli!.spec.ratioMetric!.good!.metricSource.spec,
    ).toEqual({ query: `good_${name}` });
    expect(!!objectives[0].sli!.document).toBe(path.endsWith('indicatorRef'));
  });

  it("lets an objective without its own SLI fall back to the SLO's", () => {
    const doc = slo({ indicator: inlineSli('slo-inline') }, [
      { target: 0.99, indicatorRef: 'obj-ref' },
      { target: 0.9 },
      { target: 0.95, indicatorRef: 'obj-ref-2' },
    ]);
    const { objectives } = resolveSlo(doc, store(...DOCS).lookup);
    expect(objectives.map(o => o.sli?.name)).toEqual([
      'obj-ref',
      'slo-inline',
      'obj-ref-2',
    ]);
  });

  it('does not look up an SLO-level SLI that every objective overrides', () => {
    const doc = slo({ indicatorRef: 'slo-ref' }, [
      { target: 0.99, indicatorRef: 'obj-ref' },
    ]);
    const { lookup, asked } = store(...DOCS);
    resolveSlo(doc, lookup);
    expect(asked).toEqual(['SLI:obj-ref']);
  });
});

describe('resolveSlo: data sources', () => {
  const resolve = (s: SloDocument, requireDataSources?: boolean) =>
    resolveSlo(s, store(...DOCS).lookup, { requireDataSources });

  it('takes an inline type, or the DataSource a metricSourceRef names', () => {
    const [byType] = resolve(slo({ indicator: inlineSli('a') })).objectives;
    expect(byType.metricSource).toEqual({ type: 'prometheus' });
    const [byRef] = resolve(slo({ indicatorRef: 'via-prom' })).objectives;
    expect(byRef.metricSource).toEqual({
      ref: 'prom',
      dataSource: DOCS[5],
    });
  });

  it('keeps a type given next to a metricSourceRef as a hint only', () => {
    const s = slo({
      indicator: inlineSli('a', { metricSourceRef: 'prom', type: 'Thanos' }),
    });
    expect(resolve(s).objectives[0].metricSource).toMatchObject({
      ref: 'prom',
      type: 'Thanos',
      dataSource: { metadata: { name: 'prom' } },
    });
  });

  it('reports a missing DataSource where the SLI names it, unless not required', () => {
    const inline = slo({ indicator: inlineSli('a', { metricSourceRef: 'x' }) });
    expect(resolve(inline).problems).toEqual([
      {
        path: 'spec.indicator.spec.ratioMetric.good.metricSource.metricSourceRef',
        message: 'DataSource "x" was not found',
        objective: 0,
      },
    ]);
    const referenced = slo({ indicatorRef: 'via-nowhere' });
    expect(resolve(referenced).problems).toEqual([
      {
        path: 'spec.indicatorRef',
        message: 'DataSource "nowhere" was not found',
        objective: 0,
        inDocument: {
          kind: 'SLI',
          name: 'via-nowhere',
          path: 'spec.ratioMetric.good.metricSource.metricSourceRef',
        },
      },
    ]);
    const lenient = resolve(referenced, false);
    expect(lenient.problems).toEqual([]);
    expect(lenient.objectives[0].metricSource).toEqual({ ref: 'nowhere' });
    expect(lenient.missing).toEqual([{ kind: 'DataSource', name: 'nowhere' }]);
  });

  it('refuses an SLI whose metrics come from different sources', () => {
    const s = slo({ indicator: inlineSli('a') });
    s.spec.indicator!.spec.ratioMetric!.total!.metricSource = {
      metricSourceRef: 'prom',
      spec: {},
    };
    expect(resolve(s).problems).toEqual([
      {
        path: 'spec.indicator.spec.ratioMetric.total.metricSource',
        message:
          'uses DataSource "prom" but spec.indicator.spec.ratioMetric.good.metricSource uses type prometheus; all metrics of one SLI must use the same data source',
        objective: 0,
      },
    ]);
  });

  it('counts types that differ only in case as one source', () => {
    const s = slo({ indicator: inlineSli('a', { type: 'Prometheus' }) });
    s.spec.indicator!.spec.ratioMetric!.total!.metricSource.type = 'prometheus';
    expect(resolve(s).problems).toEqual([]);
  });
});

describe('resolveSlo: alert policies and conditions', () => {
  const fast = condition('fast');
  const slow = condition(
    'slow',
    { op: 'gte', threshold: 3, lookbackWindow: '1d', alertAfter: '1h' },
    'ticket',
  );
  const FAST = {
    name: 'fast',
    severity: 'page',
    op: 'gt',
    threshold: 14.4,
    lookbackWindow: '1h',
    alertAfter: '2m',
  };
  const SLOW = {
    name: 'slow',
    severity: 'ticket',
    op: 'gte',
    threshold: 3,
    lookbackWindow: '1d',
    alertAfter: '1h',
  };
  const docs = [
    sli('obj-ref'),
    fast,
    slow,
    policy('by-ref', [
      { conditionRef: 'fast' },
      inlineCondition('slow', slow.spec.condition, 'ticket'),
    ]),
  ];
  const resolve = (alertPolicies?: unknown[]) =>
    resolveSlo(
      slo({ indicatorRef: 'obj-ref', ...(alertPolicies && { alertPolicies }) }),
      store(...docs).lookup,
    );

  it('leaves the tiers to the defaults without a policy', () => {
    expect(resolve().alertConditions).toBeUndefined();
    expect(resolve([]).alertConditions).toBeUndefined();
  });

  it.each([
    [
      'a policy by name, with a condition by name and one inline',
      ['by-ref'],
      [
        { ...FAST, path: 'spec.alertPolicies[0]' },
        { ...SLOW, path: 'spec.alertPolicies[0]' },
      ],
    ],
    [
      'a policy by alertPolicyRef',
      [{ alertPolicyRef: 'by-ref' }],
      [
        { ...FAST, path: 'spec.alertPolicies[0].alertPolicyRef' },
        { ...SLOW, path: 'spec.alertPolicies[0].alertPolicyRef' },
      ],
    ],
    [
      'an inline policy, with a condition by name and one inline',
      [
        inlinePolicy('inline', [
          inlineCondition('slow', slow.spec.condition, 'ticket'),
          { conditionRef: 'fast' },
        ]),
      ],
      [
        { ...SLOW, path: 'spec.alertPolicies[0].spec.conditions[0]' },
        {
          ...FAST,
          path: 'spec.alertPolicies[0].spec.conditions[1].conditionRef',
        },
      ],
    ],
    [
      'two policies sharing a condition (one tier)',
      ['by-ref', inlinePolicy('again', [{ conditionRef: 'fast' }])],
      [
        { ...FAST, path: 'spec.alertPolicies[0]' },
        { ...SLOW, path: 'spec.alertPolicies[0]' },
      ],
    ],
  ])('%s', (_, alertPolicies, expected) => {
    const { alertConditions, problems } = resolve(alertPolicies);
    expect(problems).toEqual([]);
    expect(alertConditions).toEqual(expected);
  });

  it.each([
    ['lt', 'spec.alertPolicies[0].spec.conditions[0].spec.condition.op'],
    ['lte', 'spec.alertPolicies[0].spec.conditions[0].spec.condition.op'],
  ])('refuses op %s in an inline condition, naming %s', (op, path) => {
    const { problems, alertConditions } = resolve([
      inlinePolicy('p', [inlineCondition('c', { op })]),
    ]);
    expect(alertConditions).toEqual([]);
    expect(problems).toEqual([
      {
        path,
        message: `is ${op}: a burn-rate alert fires when the budget burns faster than the threshold, so use gt or gte`,
      },
    ]);
  });

  it('refuses op lte in a condition two references away, naming both ends', () => {
    const { problems } = resolveSlo(
      slo({ indicatorRef: 'obj-ref', alertPolicies: ['p'] }),
      store(
        ...docs,
        policy('p', [{ conditionRef: 'low' }]),
        condition('low', { op: 'lte' }),
      ).lookup,
    );
    expect(problems.map(formatResolutionProblem)).toEqual([
      'spec.alertPolicies[0]: AlertCondition "low" spec.condition.op: is lte: a burn-rate alert fires when the budget burns faster than the threshold, so use gt or gte',
    ]);
  });

  it('gives each tier the notification targets of its policies, by name or inline', () => {
    const target = (name: string, kind: string) => ({
      apiVersion: 'openslo/v1',
      kind: 'AlertNotificationTarget',
      metadata: { name, displayName: `The ${name}` },
      spec: { target: kind, description: `Where ${name} goes` },
    });
    const withTargets = (name: string, conditions: Doc[], targets: Doc[]) => {
      const p = policy(name, conditions);
      p.spec.notificationTargets = targets;
      return p;
    };
    const { alertConditions, problems } = resolveSlo(
      slo({ indicatorRef: 'obj-ref', alertPolicies: ['paging', 'chat'] }),
      store(
        ...docs,
        target('oncall', 'pagerduty'),
        target('channel', 'slack'),
        withTargets(
          'paging',
          [{ conditionRef: 'fast' }],
          [{ targetRef: 'oncall' }, { targetRef: 'channel' }],
        ),
        // Shares "fast" (one tier, notifying both policies' targets).
        withTargets(
          'chat',
          [{ conditionRef: 'fast' }, { conditionRef: 'slow' }],
          [
            { targetRef: 'channel' },
            {
              kind: 'AlertNotificationTarget',
              metadata: { name: 'tickets' },
              spec: { target: 'jira' },
            },
          ],
        ),
      ).lookup,
    );
    expect(problems).toEqual([]);
    const oncall = {
      name: 'oncall',
      target: 'pagerduty',
      displayName: 'The oncall',
      description: 'Where oncall goes',
    };
    const channel = {
      name: 'channel',
      target: 'slack',
      displayName: 'The channel',
      description: 'Where channel goes',
    };
    const tickets = { name: 'tickets', target: 'jira' };
    expect(alertConditions!.map(c => [c.name, c.notificationTargets])).toEqual([
      ['fast', [oncall, channel, tickets]],
      ['slow', [channel, tickets]],
    ]);
    // A target not found is a problem where the policy names it.
    const missing = resolveSlo(
      slo({ indicatorRef: 'obj-ref', alertPolicies: ['lost'] }),
      store(
        ...docs,
        withTargets(
          'lost',
          [{ conditionRef: 'fast' }],
          [{ targetRef: 'nobody' }],
        ),
      ).lookup,
    );
    expect(missing.problems.map(formatResolutionProblem)).toEqual([
      'spec.alertPolicies[0]: AlertPolicy "lost" spec.notificationTargets[0].targetRef: AlertNotificationTarget "nobody" was not found',
    ]);
    expect(missing.missing).toContainEqual({
      kind: 'AlertNotificationTarget',
      name: 'nobody',
    });
  });

  it('takes a short window from the triad.dev/short-window annotation, and refuses one that is not shorter', () => {
    const annotated = (window: string) => {
      const c = condition('long', { lookbackWindow: '4d' });
      c.metadata.annotations = { 'triad.dev/short-window': window };
      return c;
    };
    const run = (window: string) =>
      resolveSlo(
        slo({ indicatorRef: 'obj-ref', alertPolicies: ['p'] }),
        store(
          ...docs,
          policy('p', [{ conditionRef: 'long' }]),
          annotated(window),
        ).lookup,
      );
    expect(run('6h').alertConditions![0].shortWindow).toBe('6h');
    expect(run('5d').problems.map(formatResolutionProblem)).toEqual([
      'spec.alertPolicies[0]: AlertCondition "long" metadata.annotations["triad.dev/short-window"]: 5d is not shorter than the lookback window 4d',
    ]);
  });

  it('names two different conditions with one name', () => {
    const { problems } = resolve([
      'by-ref',
      inlinePolicy('p', [inlineCondition('fast', { threshold: 10 })]),
    ]);
    expect(problems).toEqual([
      {
        path: 'spec.alertPolicies[1].spec.conditions[0]',
        message:
          'another alert condition of this SLO (spec.alertPolicies[0]) is also named "fast"; tiers need distinct names',
      },
    ]);
  });
});

describe('resolveSlo: missing and unusable documents', () => {
  const problemsOf = (s: SloDocument, ...docs: Doc[]) =>
    resolveSlo(s, store(...docs).lookup, {
      notFound: ({ kind, name }) => `no ${kind} "${name}" here`,
    }).problems.map(formatResolutionProblem);

  it.each<[string, Doc, Doc[], string[]]>([
    [
      'an SLI named by the SLO',
      { indicatorRef: 'gone' },
      [{ target: 0.99 }, { target: 0.9 }],
      [
        'spec.indicatorRef: no SLI "gone" here',
        'spec.indicatorRef: no SLI "gone" here',
      ],
    ],
    [
      'an SLI named by the second objective',
      { indicator: inlineSli('a') },
      [{ target: 0.99 }, { target: 0.9, indicatorRef: 'gone' }],
      ['spec.objectives[1].indicatorRef: no SLI "gone" here'],
    ],
    [
      'a policy named by a string',
      { indicator: inlineSli('a'), alertPolicies: ['gone'] },
      [{ target: 0.99 }],
      ['spec.alertPolicies[0]: no AlertPolicy "gone" here'],
    ],
    [
      'a policy named by alertPolicyRef',
      {
        indicator: inlineSli('a'),
        alertPolicies: [{ alertPolicyRef: 'gone' }],
      },
      [{ target: 0.99 }],
      ['spec.alertPolicies[0].alertPolicyRef: no AlertPolicy "gone" here'],
    ],
    [
      'a condition named by an inline policy',
      {
        indicator: inlineSli('a'),
        alertPolicies: [inlinePolicy('p', [{ conditionRef: 'gone' }])],
      },
      [{ target: 0.99 }],
      [
        'spec.alertPolicies[0].spec.conditions[0].conditionRef: no AlertCondition "gone" here',
      ],
    ],
  ])('%s', (_, spec, objectives, expected) => {
    expect(problemsOf(slo(spec, objectives))).toEqual(expected);
  });

  it('names a condition missing from a referenced policy inside that policy', () => {
    const s = slo({ indicator: inlineSli('a'), alertPolicies: ['p'] });
    expect(problemsOf(s, policy('p', [{ conditionRef: 'gone' }]))).toEqual([
      'spec.alertPolicies[0]: AlertPolicy "p" spec.conditions[0].conditionRef: no AlertCondition "gone" here',
    ]);
  });

  it('refuses a document of another kind or an invalid one', () => {
    const s = slo({ indicatorRef: 'thing' });
    const wrongKind: OpenSloLookup = () => ({ kind: 'AlertPolicy' });
    expect(
      resolveSlo(s, wrongKind).problems.map(formatResolutionProblem),
    ).toEqual(['spec.indicatorRef: "thing" is of kind AlertPolicy, not SLI']);
    const invalid: OpenSloLookup = () => ({
      ...sli('thing'),
      spec: { ratioMetric: { counter: 'yes' } },
    });
    expect(
      resolveSlo(s, invalid).problems.map(formatResolutionProblem),
    ).toEqual([
      'spec.indicatorRef: SLI "thing" is invalid: spec.ratioMetric.counter: must be true or false',
    ]);
  });

  it('checks the objectives against a referenced SLI', () => {
    const threshold: Doc = {
      ...sli('latency'),
      spec: {
        thresholdMetric: {
          metricSource: { type: 'prometheus', spec: { query: 'p99' } },
        },
      },
    };
    const s = slo({ indicatorRef: 'latency' });
    expect(problemsOf(s, threshold)).toEqual([
      'spec.objectives[0].op: a threshold SLI needs op and value on each objective',
    ]);
    const timeslices = slo(
      { indicatorRef: 'obj-ref', budgetingMethod: 'Timeslices' },
      [{ target: 0.99, op: 'lte', value: 1, timeSliceWindow: '1m' }],
    );
    expect(problemsOf(timeslices, sli('obj-ref'))).toEqual([
      'spec.objectives[0].timeSliceTarget: is required with budgetingMethod Timeslices and a ratio SLI',
    ]);
  });
});

describe('resolveSlo: for a caller that fetches documents in batches', () => {
  const kinds = (
    missing: Array<{ kind: OpenSloReferenceKind; name: string }>,
  ) => missing.map(m => `${m.kind}:${m.name}`).sort();

  it('lists what it did not find, round by round, until nothing new is missing', () => {
    const all = [
      sli('via-prom', { metricSourceRef: 'prom' }),
      DOCS[5],
      policy('p', [{ conditionRef: 'fast' }, { conditionRef: 'gone' }]),
      condition('fast'),
    ];
    const doc = slo({ indicatorRef: 'via-prom', alertPolicies: ['p'] });
    const fetched: Doc[] = [];
    const rounds: string[][] = [];
    let result = resolveSlo(doc, store(...fetched).lookup);
    for (;;) {
      const wanted = kinds(result.missing).filter(
        k => !rounds.flat().includes(k),
      );
      if (!wanted.length) break;
      rounds.push(wanted);
      fetched.push(
        ...all.filter(d => wanted.includes(`${d.kind}:${d.metadata.name}`)),
      );
      result = resolveSlo(doc, store(...fetched).lookup);
    }
    expect(result.problems.map(formatResolutionProblem)).toEqual([
      'spec.alertPolicies[0]: AlertPolicy "p" spec.conditions[1].conditionRef: AlertCondition "gone" was not found',
    ]);
    expect(result.alertConditions).toMatchObject([{ name: 'fast' }]);
    expect(result.objectives[0].metricSource).toMatchObject({
      ref: 'prom',
      dataSource: DOCS[5],
    });
    expect(rounds).toEqual([
      ['AlertPolicy:p', 'SLI:via-prom'],
      ['AlertCondition:fast', 'AlertCondition:gone', 'DataSource:prom'],
    ]);
  });
});
