import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  durationToMs,
  generatePrometheusRules,
  LocatedOpenSloDocument,
  OpenSloDocument,
  PrometheusRule,
  SloResult,
  validateOpenSloDocument,
} from '@triad/plugin-slo-common';
import { SloDataSource, SloMeasureRequest } from '@triad/plugin-slo-node';
import * as fc from 'fast-check';
import { fakeDateOnly } from '@triad/test-utils';
import { openApiContract } from '../__testUtils__/openApiContract';
import { SloDefinitions } from './SloDefinitions';
import { readSloBackendConfig } from '../config';
import { SloEvaluator } from './SloEvaluator';
import { SloSources } from './SloSources';
import { SnapshotStore } from '../database/SnapshotStore';

/*
 * The SLO tab and the pager must tell one story. For generated OpenSLO
 * documents (SLIs inline or by name, on the SLO or its objectives; data
 * sources by type, from app-config or the catalog; alert policies and
 * conditions inline or by name), the backend's evaluation (SloDefinitions
 * over a fake catalog, then SloEvaluator with a recording data source) and
 * the generated Prometheus rules must measure the same SLI over the same
 * windows and alert at the same thresholds, and both must match what the
 * documents say, worked out here without the resolver.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Doc = Record<string, any>;

const SOURCES = {
  type: { how: { type: 'prometheus' }, name: 'prometheus' },
  typeCased: { how: { type: 'Prometheus' }, name: 'prometheus' },
  configured: { how: { metricSourceRef: 'prom-config' }, name: 'prom-config' },
  entity: { how: { metricSourceRef: 'prom-entity' }, name: 'prom-entity' },
};
type SourceKey = keyof typeof SOURCES;

interface SliShape {
  how: 'inline' | 'ref';
  source: SourceKey;
  bad: boolean;
}
interface ConditionShape {
  how: 'inline' | 'ref';
  op: 'gt' | 'gte';
  threshold: number;
  lookback: string;
  alertAfter?: string;
  severity: string;
}
interface Shape {
  window: { duration: string; calendar: boolean };
  budgetingMethod: 'Occurrences' | 'Timeslices' | 'RatioTimeslices';
  sli?: SliShape;
  objectives: Array<{ target: number; sli?: SliShape }>;
  policies: Array<{
    how: 'name' | 'alertPolicyRef' | 'inline';
    conditions: ConditionShape[];
  }>;
}

const sliShape: fc.Arbitrary<SliShape> = fc.record({
  how: fc.constantFrom('inline' as const, 'ref' as const),
  source: fc.constantFrom(...(Object.keys(SOURCES) as SourceKey[])),
  bad: fc.boolean(),
});
const conditionShape: fc.Arbitrary<ConditionShape> = fc.record(
  {
    how: fc.constantFrom('inline' as const, 'ref' as const),
    op: fc.constantFrom('gt' as const, 'gte' as const),
    threshold: fc.integer({ min: 1, max: 400 }).map(n => n / 10),
    lookback: fc.constantFrom('1h', '2h', '6h', '12h', '1d', '3d'),
    alertAfter: fc.constantFrom('0m', '2m', '5m', '1h'),
    severity: fc.constantFrom('page', 'ticket', 'critical'),
  },
  { requiredKeys: ['how', 'op', 'threshold', 'lookback', 'severity'] },
);
const shape: fc.Arbitrary<Shape> = fc
  .record({
    window: fc.oneof(
      fc
        .constantFrom('1d', '7d', '2w', '28d', '30d')
        .map(duration => ({ duration, calendar: false })),
      fc
        .constantFrom('1w', '1M', '1Q')
        .map(duration => ({ duration, calendar: true })),
    ),
    budgetingMethod: fc.constantFrom(
      'Occurrences' as const,
      'Timeslices' as const,
      'RatioTimeslices' as const,
    ),
    sli: fc.option(sliShape, { nil: undefined }),
    objectives: fc.array(
      fc.record({
        target: fc.constantFrom(0.9, 0.99, 0.995, 0.999, 0.9995),
        sli: fc.option(sliShape, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    policies: fc.array(
      fc.record({
        how: fc.constantFrom(
          'name' as const,
          'alertPolicyRef' as const,
          'inline' as const,
        ),
        conditions: fc.array(conditionShape, { minLength: 1, maxLength: 2 }),
      }),
      { maxLength: 2 },
    ),
  })
  .filter(s => !!s.sli || s.objectives.every(o => o.sli));

/** The documents of a shape, and what they say, worked out by hand. */
function corpus(s: Shape) {
  const catalog: Doc[] = [
    {
      apiVersion: 'openslo/v1',
      kind: 'DataSource',
      metadata: { name: 'prom-entity', namespace: 'default' },
      spec: { type: 'Prometheus', connectionDetails: { url: 'http://p' } },
    },
  ];
  const sliSpec = (tag: string, sli: SliShape) => {
    const metric = (series: string) => ({
      metricSource: {
        ...SOURCES[sli.source].how,
        spec: { query: `${series}{sli="${tag}"}` },
      },
    });
    return {
      ratioMetric: {
        counter: true,
        [sli.bad ? 'bad' : 'good']: metric(
          sli.bad ? 'errors_total' : 'successes_total',
        ),
        total: metric('requests_total'),
      },
    };
  };
  /** `indicator` or `indicatorRef` for an SLI shape, adding referenced SLIs to the catalog. */
  const given = (tag: string, sli?: SliShape) => {
    if (!sli) return {};
    if (sli.how === 'inline') {
      return {
        indicator: { metadata: { name: tag }, spec: sliSpec(tag, sli) },
      };
    }
    catalog.push({
      apiVersion: 'openslo/v1',
      kind: 'SLI',
      metadata: { name: tag, namespace: 'default' },
      spec: sliSpec(tag, sli),
    });
    return { indicatorRef: tag };
  };

  const expectedConditions: Array<{
    name: string;
    severity: string;
    op: string;
    factor: number;
    longWindowMs: number;
    shortWindowMs: number;
    for?: string;
  }> = [];
  const alertPolicies = s.policies.map((p, i) => {
    const conditions = p.conditions.map((c, j) => {
      const name = `condition-${i}-${j}`;
      const longWindowMs = durationToMs(c.lookback);
      expectedConditions.push({
        name,
        severity: c.severity,
        op: c.op,
        factor: c.threshold,
        longWindowMs,
        shortWindowMs: longWindowMs / 12,
        ...(c.alertAfter && { for: c.alertAfter }),
      });
      const spec = {
        severity: c.severity,
        condition: {
          kind: 'burnrate',
          op: c.op,
          threshold: c.threshold,
          lookbackWindow: c.lookback,
          ...(c.alertAfter && { alertAfter: c.alertAfter }),
        },
      };
      if (c.how === 'inline') {
        return { kind: 'AlertCondition', metadata: { name }, spec };
      }
      catalog.push({
        apiVersion: 'openslo/v1',
        kind: 'AlertCondition',
        metadata: { name, namespace: 'default' },
        spec,
      });
      return { conditionRef: name };
    });
    const name = `policy-${i}`;
    if (p.how === 'inline') {
      return { kind: 'AlertPolicy', metadata: { name }, spec: { conditions } };
    }
    catalog.push({
      apiVersion: 'openslo/v1',
      kind: 'AlertPolicy',
      metadata: { name, namespace: 'default' },
      spec: { conditions },
    });
    return p.how === 'name' ? name : { alertPolicyRef: name };
  });

  const slo: Doc = {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'generated', namespace: 'default' },
    spec: {
      service: 'svc',
      ...given('sli-of-slo', s.sli),
      timeWindow: [
        s.window.calendar
          ? {
              duration: s.window.duration,
              calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'UTC' },
            }
          : { duration: s.window.duration, isRolling: true },
      ],
      budgetingMethod: s.budgetingMethod,
      objectives: s.objectives.map((o, i) => ({
        target: o.target,
        ...(s.budgetingMethod !== 'Occurrences' && { timeSliceWindow: '1m' }),
        ...(s.budgetingMethod === 'Timeslices' && { timeSliceTarget: 0.95 }),
        ...given(`sli-of-objective-${i}`, o.sli),
      })),
      ...(alertPolicies.length > 0 && { alertPolicies }),
    },
  };

  // An objective's own SLI, else the SLO's.
  const measured = s.objectives.map((o, i) =>
    o.sli
      ? { tag: `sli-of-objective-${i}`, source: SOURCES[o.sli.source].name }
      : { tag: 'sli-of-slo', source: SOURCES[s.sli!.source].name },
  );
  // The reference table's tiers, k = p × T / w_L, with the nominal lengths
  // of calendar periods that rule files use (a month is 30 days).
  const periodMs = s.window.calendar
    ? ({ '1w': 7, '1M': 30, '1Q': 90 } as Record<string, number>)[
        s.window.duration
      ] * DAY
    : durationToMs(s.window.duration);
  const defaults = [
    ['page-fast', 'page', 0.02, HOUR, 5 * 60_000],
    ['page-slow', 'page', 0.05, 6 * HOUR, 30 * 60_000],
    ['ticket-fast', 'ticket', 0.1, DAY, 2 * HOUR],
    ['ticket-slow', 'ticket', 0.1, 3 * DAY, 6 * HOUR],
  ] as const;
  const tiers = s.policies.length
    ? expectedConditions
    : defaults.map(([name, severity, p, longWindowMs, shortWindowMs]) => ({
        name,
        severity,
        op: 'gt',
        factor: (p * periodMs) / longWindowMs,
        longWindowMs,
        shortWindowMs,
      }));
  return { slo, catalog, measured, tiers };
}

/** The SLIs whose queries a text holds (`{sli="…"}`, quotes escaped in JSON or not). */
const tagsIn = (text: string) =>
  [...new Set([...text.matchAll(/sli=\\?"([^"\\]+)/g)].map(m => m[1]))].sort();

/** One alert rule read back: `ratio_rate<long>{…} > (k * EB) and ratio_rate<short>{…} > (k * EB)`. */
function readAlert(rule: PrometheusRule) {
  const parts = [
    ...rule.expr.matchAll(
      /slo:sli_error:ratio_rate(\w+)\{[^}]*\} (>=?) \(([\d.e-]+) \* ([\d.e-]+)\)/g,
    ),
  ];
  expect(parts).toHaveLength(2);
  const [long, short] = parts;
  expect(short[2]).toBe(long[2]);
  expect(short[3]).toBe(long[3]);
  return {
    name: rule.labels!.slo_tier,
    severity: rule.labels!.severity,
    op: long[2] === '>=' ? 'gte' : 'gt',
    factor: Number(long[3]),
    errorBudget: Number(long[4]),
    longWindowMs: durationToMs(long[1]),
    shortWindowMs: durationToMs(short[1]),
    for: rule.for,
  };
}

/** Evaluates the SLO through the backend, recording what the data source was asked. */
async function evaluate(slo: Doc, catalog: Doc[]) {
  const definitions = new SloDefinitions(
    catalogServiceMock({ entities: [slo, ...catalog] as Entity[] }),
    mockServices.auth(),
    readSloBackendConfig(
      new ConfigReader({
        slo: {
          dataSources: [
            { name: 'prom-config', type: 'prometheus', baseUrl: 'http://c' },
          ],
        },
      }),
    ).dataSources,
  );
  const [def] = await definitions.resolve([slo as Entity]);
  const requests: SloMeasureRequest[] = [];
  const source: SloDataSource = {
    type: 'prometheus',
    async measure(request) {
      requests.push(request);
      return {
        periodErrorRatio: 0,
        periodTotalEvents: 1000,
        windowErrorRatios: {},
      };
    },
  };
  const evaluator = new SloEvaluator({
    definitions,
    sources: new SloSources({
      dataSources: new Map([['prometheus', source]]),
      timeoutMs: 5_000,
      sourceTimeoutsMs: new Map(),
    }),
    snapshots: {
      save: async () => {},
      saveLatest: async () => {},
      latest: async () => undefined,
    } as unknown as SnapshotStore,
    cache: mockServices.cache.mock(),
    logger: mockServices.logger.mock(),
    cacheTtlMs: 60_000,
  });
  const result: SloResult = await evaluator.evaluateNow(def, {});
  const requestOf = (index: number) =>
    requests.find(r => r.objective === def.objectives[index].objective)!;
  return { def, result, requestOf };
}

function rulesOf(slo: Doc, catalog: Doc[]) {
  const located: LocatedOpenSloDocument[] = [slo, ...catalog].map((doc, i) => {
    const result = validateOpenSloDocument(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return { document: result.document as OpenSloDocument, index: i + 1 };
  });
  return generatePrometheusRules(located);
}

const expectToMatchContract = openApiContract();

async function checkAgreement(s: Shape) {
  const { slo, catalog, measured, tiers } = corpus(s);
  const { def, result, requestOf } = await evaluate(slo, catalog);
  const generated = rulesOf(slo, catalog);

  expect(result.error).toBeUndefined();
  // What the API would answer, op and for included, is documented.
  expectToMatchContract('GET', '/v1/slos/default/generated', 200, result);
  expect(def.problem).toBeUndefined();
  expect(generated.problems).toEqual([]);
  const rules = generated.groups.flatMap(g => g.rules);

  s.objectives.forEach((objective, i) => {
    const ofObjective = rules.filter(
      r => r.labels?.slo_objective === String(i),
    );
    const records = ofObjective.filter(r =>
      r.record?.startsWith('slo:sli_error:ratio_rate'),
    );
    const request = requestOf(i);

    // The same SLI: the queries of one SLI document, the one the spec says.
    expect(tagsIn(JSON.stringify(request.indicator))).toEqual([
      measured[i].tag,
    ]);
    expect(tagsIn(records.map(r => r.expr).join('\n'))).toEqual([
      measured[i].tag,
    ]);
    expect(request.source.name).toBe(measured[i].source);

    // The same windows: what the backend measures is what the rules record.
    const recorded = records
      .map(r =>
        durationToMs(r.record!.slice('slo:sli_error:ratio_rate'.length)),
      )
      .sort((a, b) => a - b);
    expect([...request.windowsMs].sort((a, b) => a - b)).toEqual(recorded);
    expect(recorded).toEqual(
      [...new Set(tiers.flatMap(t => [t.longWindowMs, t.shortWindowMs]))].sort(
        (a, b) => a - b,
      ),
    );

    // The same tiers and thresholds.
    const app = result.objectives[i].alerts.map(a => ({
      name: a.name,
      severity: a.severity,
      op: a.op ?? 'gt',
      factor: a.factor,
      longWindowMs: a.longWindowMs,
      shortWindowMs: a.shortWindowMs,
      for: a.for,
    }));
    const pager = ofObjective.filter(r => r.alert).map(readAlert);
    expect(app.map(a => a.name)).toEqual(tiers.map(t => t.name));
    expect(pager.map(a => a.name)).toEqual(tiers.map(t => t.name));
    tiers.forEach((tier, t) => {
      for (const side of [app[t], pager[t]]) {
        expect(side).toMatchObject({
          severity: tier.severity,
          op: tier.op,
          longWindowMs: tier.longWindowMs,
          shortWindowMs: tier.shortWindowMs,
          for: 'for' in tier ? tier.for : undefined,
        });
        // The rules print factors to 10 significant digits.
        expect(side.factor).toBeCloseTo(tier.factor, 8);
      }
      expect(pager[t].errorBudget).toBeCloseTo(1 - objective.target, 12);
      expect(result.objectives[i].target).toBe(objective.target);
    });
  });
}

describe('evaluation and generated Prometheus rules', () => {
  // Only Date is faked, so calendar periods do not depend on today.
  beforeEach(() => fakeDateOnly(new Date('2026-02-10T12:00:00Z')));
  afterEach(() => jest.useRealTimers());

  it("agree when the SLO's SLI is inline and an objective names its own", async () => {
    const s: Shape = {
      window: { duration: '28d', calendar: false },
      budgetingMethod: 'Occurrences',
      sli: { how: 'inline', source: 'configured', bad: false },
      objectives: [
        { target: 0.999, sli: { how: 'ref', source: 'entity', bad: true } },
        { target: 0.99 },
      ],
      policies: [],
    };
    expect(corpus(s).measured).toEqual([
      { tag: 'sli-of-objective-0', source: 'prom-entity' },
      { tag: 'sli-of-slo', source: 'prom-config' },
    ]);
    await checkAgreement(s);
  });

  it('agree for every generated SLO (fixed seed: the same corpus every run)', async () => {
    await expect(
      fc.assert(fc.asyncProperty(shape, checkAgreement), {
        seed: 15_2026,
        numRuns: 150,
      }),
    ).resolves.toBeUndefined();
  });
});
