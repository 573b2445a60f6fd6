import * as fc from 'fast-check';
import { openSloReferences } from './openSloReferences';
import { resolveSlo } from './resolveSlo';
import {
  OpenSloDocument,
  SloDocument,
  validateOpenSloDocument,
} from './validateOpenSloDocument';

/*
 * The catalog's relations (openSloReferences) and the resolver must read the
 * same fields: every document the resolver looks up is one the SLO, or a
 * document it reached, names — so the catalog graph shows what evaluation
 * follows.
 */

type Doc = Record<string, any>;

const name = fc.constantFrom('a', 'b', 'c');
const metricSource = fc.oneof(
  name.map(n => ({ metricSourceRef: `ds-${n}`, spec: { query: 'q' } })),
  fc.constant({ type: 'prometheus', spec: { query: 'q' } }),
);
const sliSpec = metricSource.map(m => ({
  ratioMetric: {
    counter: true,
    good: { metricSource: m },
    total: { metricSource: m },
  },
}));
const sliGiven = fc.oneof(
  name.map(n => ({ indicatorRef: `sli-${n}` })),
  sliSpec.map(spec => ({ indicator: { metadata: { name: 'x' }, spec } })),
);
const conditionSpec = fc.record({
  severity: fc.constantFrom('page', 'ticket'),
  condition: fc.record({
    kind: fc.constant('burnrate'),
    op: fc.constantFrom('gt', 'gte', 'lt'),
    threshold: fc.constantFrom(1, 6, 14.4),
    lookbackWindow: fc.constantFrom('1h', '6h'),
  }),
});
const conditions = fc.array(
  fc.oneof(
    name.map(n => ({ conditionRef: `cond-${n}` })),
    fc.tuple(name, conditionSpec).map(([n, spec]) => ({
      kind: 'AlertCondition',
      metadata: { name: `inline-${n}` },
      spec,
    })),
  ),
  { minLength: 1, maxLength: 2 },
);
const policies = fc.array(
  fc.oneof(
    name.map(n => `policy-${n}`),
    name.map(n => ({ alertPolicyRef: `policy-${n}` })),
    conditions.map(c => ({
      kind: 'AlertPolicy',
      metadata: { name: 'inline' },
      spec: { conditions: c },
    })),
  ),
  { maxLength: 2 },
);
const slo = fc
  .record({
    sli: fc.option(sliGiven, { nil: undefined }),
    objectives: fc.array(fc.option(sliGiven, { nil: undefined }), {
      minLength: 1,
      maxLength: 3,
    }),
    alertPolicies: policies,
  })
  .filter(s => !!s.sli || s.objectives.every(Boolean))
  .map(s => ({
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'slo' },
    spec: {
      service: 'svc',
      ...s.sli,
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: s.objectives.map(o => ({ target: 0.99, ...o })),
      alertPolicies: s.alertPolicies,
    },
  }));
/** Some of the documents SLOs may name; the rest are missing. */
const store = fc.record({
  slis: fc
    .subarray(['a', 'b', 'c'])
    .chain(names =>
      fc.tuple(...names.map(n => sliSpec.map(spec => [n, spec] as const))),
    ),
  policies: fc
    .subarray(['a', 'b', 'c'])
    .chain(names =>
      fc.tuple(...names.map(n => conditions.map(c => [n, c] as const))),
    ),
  conditions: fc
    .subarray(['a', 'b', 'c'])
    .chain(names =>
      fc.tuple(...names.map(n => conditionSpec.map(c => [n, c] as const))),
    ),
  dataSources: fc.subarray(['a', 'b', 'c']),
});

const doc = (kind: string, docName: string, spec: object): Doc => ({
  apiVersion: 'openslo/v1',
  kind,
  metadata: { name: docName },
  spec,
});

describe('openSloReferences and resolveSlo', () => {
  it('read the same fields: the resolver only follows references the catalog relates', () => {
    fc.assert(
      fc.property(slo, store, (sloDoc, s) => {
        const documents = [
          ...s.slis.map(([n, spec]) => doc('SLI', `sli-${n}`, spec)),
          ...s.policies.map(([n, c]) =>
            doc('AlertPolicy', `policy-${n}`, { conditions: c }),
          ),
          ...s.conditions.map(([n, c]) =>
            doc('AlertCondition', `cond-${n}`, c),
          ),
          ...s.dataSources.map(n =>
            doc('DataSource', `ds-${n}`, { type: 'prometheus' }),
          ),
        ];
        for (const d of [sloDoc, ...documents]) {
          expect(validateOpenSloDocument(d)).toMatchObject({ ok: true });
        }
        const looked: string[] = [];
        const found: Doc[] = [];
        resolveSlo(sloDoc as SloDocument, (kind, n) => {
          looked.push(`${kind}:${n}`);
          const d = documents.find(
            x => x.kind === kind && x.metadata.name === n,
          );
          if (d) found.push(d);
          return d;
        });
        const related = new Set(
          [sloDoc, ...found].flatMap(d =>
            openSloReferences(d as OpenSloDocument).map(
              r => `${r.kind}:${r.name}`,
            ),
          ),
        );
        for (const l of looked) expect(related).toContain(l);
      }),
      { seed: 152026, numRuns: 300 },
    );
  });
});
