import {
  alertConditionFields,
  alertPolicyFields,
  notificationTargetFields,
  sliMetricSources,
} from './referenceFields';
import { SliSpec } from './schema';
import { OpenSloDocument } from './validateOpenSloDocument';

/** The kinds of document one OpenSLO document can refer to by name. */
export type OpenSloReferenceKind =
  | 'SLI'
  | 'DataSource'
  | 'AlertPolicy'
  | 'AlertCondition'
  | 'AlertNotificationTarget';

/** A document named by another one. */
export interface OpenSloReference {
  kind: OpenSloReferenceKind;
  name: string;
  /** The field that names it, e.g. `spec.objectives[1].indicatorRef`. */
  path: string;
}

function dataSourcesOf(sli: SliSpec, specPath: string): OpenSloReference[] {
  return sliMetricSources(sli, specPath).flatMap(m =>
    m.metricSource.metricSourceRef
      ? [
          {
            kind: 'DataSource' as const,
            name: m.metricSource.metricSourceRef,
            path: `${m.path}.metricSourceRef`,
          },
        ]
      : [],
  );
}

/**
 * Every reference a document makes itself (not those of the documents it
 * refers to), in document order, once per field: `indicatorRef`s, the
 * `metricSourceRef`s of SLIs (its own or inline), `alertPolicies` by name, and
 * the `conditionRef`s and `targetRef`s of policies (its own or inline). The
 * catalog turns these
 * into relations; the resolver follows the same fields.
 */
export function openSloReferences(doc: OpenSloDocument): OpenSloReference[] {
  const refs: OpenSloReference[] = [];
  const conditions = (
    policy: Parameters<typeof alertConditionFields>[0],
    at: string,
  ) => {
    for (const c of alertConditionFields(policy, at)) {
      if (c.ref)
        refs.push({ kind: 'AlertCondition', name: c.ref, path: c.path });
    }
    for (const t of notificationTargetFields(policy, at)) {
      if (t.ref) {
        refs.push({
          kind: 'AlertNotificationTarget',
          name: t.ref,
          path: t.path,
        });
      }
    }
  };
  switch (doc.kind) {
    case 'SLO': {
      const levels = [
        { at: 'spec', level: doc.spec },
        ...doc.spec.objectives.map((o, i) => ({
          at: `spec.objectives[${i}]`,
          level: o,
        })),
      ];
      for (const { at, level } of levels) {
        if (level.indicatorRef) {
          refs.push({
            kind: 'SLI',
            name: level.indicatorRef,
            path: `${at}.indicatorRef`,
          });
        }
        if (level.indicator) {
          refs.push(
            ...dataSourcesOf(level.indicator.spec, `${at}.indicator.spec`),
          );
        }
      }
      for (const p of alertPolicyFields(doc.spec)) {
        if (p.ref)
          refs.push({ kind: 'AlertPolicy', name: p.ref, path: p.path });
        if (p.policy) conditions(p.policy.spec, `${p.path}.spec`);
      }
      break;
    }
    case 'SLI':
      refs.push(...dataSourcesOf(doc.spec, 'spec'));
      break;
    case 'AlertPolicy':
      conditions(doc.spec, 'spec');
      break;
    default:
      break;
  }
  return refs;
}
