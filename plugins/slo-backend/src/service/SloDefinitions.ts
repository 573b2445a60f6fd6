import { AuthService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AlertConditionSpec,
  AlertPolicySpec,
  BurnRateCondition,
  DataSourceSpec,
  SliSpec,
  SloDocument,
  SloObjective,
  sloServiceRef,
  validateOpenSloDocument,
} from '@triad/plugin-slo-common';
import { ResolvedDataSource } from '@triad/plugin-slo-node';

/** One objective with what evaluating it needs, or why it cannot be. */
export interface ObjectiveDefinition {
  index: number;
  objective: SloObjective;
  indicator?: SliSpec;
  source?: ResolvedDataSource;
  problem?: string;
}

/** An SLO entity with its SLIs, data sources and alert conditions resolved. */
export interface SloDefinition {
  ref: string;
  entity: Entity;
  doc: SloDocument;
  serviceRef: string;
  objectives: ObjectiveDefinition[];
  /** Burn-rate conditions of the SLO's AlertPolicies; the default tiers when absent. */
  conditions?: BurnRateCondition[];
}

type PolicyItem = NonNullable<SloDocument['spec']['alertPolicies']>[number];

/** The name an SLO uses for an AlertPolicy entity; undefined for inline ones. */
function policyName(p: PolicyItem): string | undefined {
  if (typeof p === 'string') return p;
  return 'alertPolicyRef' in p ? p.alertPolicyRef : undefined;
}

type Metric = { metricSource: { metricSourceRef?: string; type?: string } };

function metricsOf(sli: SliSpec): Metric[] {
  const r = sli.ratioMetric;
  return [sli.thresholdMetric, r?.good, r?.bad, r?.total, r?.raw].filter(
    (m): m is NonNullable<typeof m> => !!m,
  );
}

/** The OpenSLO document of a valid SLO entity; undefined for anything else. */
export function sloDocumentOf(entity: Entity): SloDocument | undefined {
  const result = validateOpenSloDocument(entity);
  return result.ok && result.document.kind === 'SLO'
    ? result.document
    : undefined;
}

/**
 * Resolves SLO entities into what the evaluator needs. Supporting entities
 * (SLIs, policies, data sources) are read with the plugin's own credentials in
 * a few batched requests; whether the caller may see the SLO is decided before.
 */
export class SloDefinitions {
  private readonly configured = new Map<string, ResolvedDataSource>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    config: Config,
  ) {
    for (const c of config.getOptionalConfigArray('slo.dataSources') ?? []) {
      const name = c.getString('name');
      this.configured.set(name, {
        name,
        type: c.getString('type').toLocaleLowerCase('en-US'),
        config: c.get() as Record<string, unknown>,
      });
    }
  }

  private async byRef(refs: Iterable<string>): Promise<Map<string, Entity>> {
    const entityRefs = [...new Set(refs)];
    const found = new Map<string, Entity>();
    if (!entityRefs.length) return found;
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    items.forEach((e, i) => {
      if (e) found.set(entityRefs[i], e);
    });
    return found;
  }

  async resolve(entities: Entity[]): Promise<SloDefinition[]> {
    const slos: { entity: Entity; doc: SloDocument; ns: string }[] = [];
    for (const entity of entities) {
      const doc = sloDocumentOf(entity);
      if (doc) {
        slos.push({ entity, doc, ns: entity.metadata.namespace ?? 'default' });
      }
    }
    const ref = (kind: string, name: string, ns: string) =>
      stringifyEntityRef(
        parseEntityRef(name, { defaultKind: kind, defaultNamespace: ns }),
      );

    // Round 1: SLIs and alert policies.
    const first = await this.byRef(
      slos.flatMap(({ doc, ns }) => [
        ...[
          doc.spec.indicatorRef,
          ...doc.spec.objectives.map(o => o.indicatorRef),
        ]
          .filter((n): n is string => !!n)
          .map(n => ref('sli', n, ns)),
        ...(doc.spec.alertPolicies ?? [])
          .map(policyName)
          .filter((n): n is string => !!n)
          .map(n => ref('alertpolicy', n, ns)),
      ]),
    );
    const indicatorOf = (
      o: SloObjective,
      doc: SloDocument,
      ns: string,
    ): SliSpec | undefined => {
      const inline = o.indicator?.spec ?? doc.spec.indicator?.spec;
      if (inline) return inline;
      const name = o.indicatorRef ?? doc.spec.indicatorRef;
      return name
        ? (first.get(ref('sli', name, ns))?.spec as SliSpec | undefined)
        : undefined;
    };
    const policiesOf = (doc: SloDocument, ns: string) =>
      (doc.spec.alertPolicies ?? []).flatMap((p): AlertPolicySpec[] => {
        const name = policyName(p);
        if (name === undefined)
          return typeof p === 'string'
            ? []
            : [(p as { spec: AlertPolicySpec }).spec];
        const spec = first.get(ref('alertpolicy', name, ns))?.spec;
        return spec ? [spec as unknown as AlertPolicySpec] : [];
      });

    // Round 2: alert conditions and data-source entities.
    const second = await this.byRef(
      slos.flatMap(({ doc, ns }) => [
        ...policiesOf(doc, ns).flatMap(p =>
          p.conditions.flatMap(c =>
            'conditionRef' in c
              ? [ref('alertcondition', c.conditionRef, ns)]
              : [],
          ),
        ),
        ...doc.spec.objectives.flatMap(o => {
          const sli = indicatorOf(o, doc, ns);
          return (sli ? metricsOf(sli) : [])
            .map(m => m.metricSource.metricSourceRef)
            .filter((n): n is string => !!n && !this.configured.has(n))
            .map(n => ref('datasource', n, ns));
        }),
      ]),
    );

    const sourceOf = (
      sli: SliSpec,
      ns: string,
    ): ResolvedDataSource | string => {
      const keys = new Set(
        metricsOf(sli).map(
          m => m.metricSource.metricSourceRef ?? `type:${m.metricSource.type}`,
        ),
      );
      if (keys.size !== 1) {
        return 'all metrics of one SLI must use the same data source';
      }
      const [key] = keys;
      if (key.startsWith('type:')) {
        const type = key.slice(5).toLocaleLowerCase('en-US');
        return { name: type, type, config: {} };
      }
      const configured = this.configured.get(key);
      if (configured) return configured;
      const entity = second.get(ref('datasource', key, ns));
      if (!entity) {
        return `data source "${key}" is neither configured in slo.dataSources nor a DataSource entity in the catalog`;
      }
      const spec = entity.spec as DataSourceSpec;
      return {
        name: key,
        type: String(spec.type).toLocaleLowerCase('en-US'),
        config: spec.connectionDetails ?? {},
      };
    };

    return slos.map(({ entity, doc, ns }) => {
      const conditions = policiesOf(doc, ns).flatMap(p =>
        p.conditions.flatMap((c, i): BurnRateCondition[] => {
          const inline = 'conditionRef' in c ? undefined : c;
          const name = inline
            ? inline.metadata.name
            : (c as { conditionRef: string }).conditionRef;
          const spec = inline
            ? inline.spec
            : (second.get(ref('alertcondition', name, ns))?.spec as
                | AlertConditionSpec
                | undefined);
          if (!spec) return [];
          return [
            {
              name: name || `condition-${i + 1}`,
              severity: spec.severity,
              threshold: spec.condition.threshold,
              lookbackWindow: spec.condition.lookbackWindow,
            },
          ];
        }),
      );
      const objectives = doc.spec.objectives.map(
        (objective, index): ObjectiveDefinition => {
          const indicator = indicatorOf(objective, doc, ns);
          if (!indicator) {
            const name = objective.indicatorRef ?? doc.spec.indicatorRef;
            return {
              index,
              objective,
              problem: `SLI "${name}" was not found in the catalog`,
            };
          }
          const source = sourceOf(indicator, ns);
          return typeof source === 'string'
            ? { index, objective, indicator, problem: source }
            : { index, objective, indicator, source };
        },
      );
      return {
        ref: stringifyEntityRef(getCompoundEntityRef(entity)),
        entity,
        doc,
        serviceRef: stringifyEntityRef(sloServiceRef(doc)),
        objectives,
        conditions: conditions.length ? conditions : undefined,
      };
    });
  }
}
