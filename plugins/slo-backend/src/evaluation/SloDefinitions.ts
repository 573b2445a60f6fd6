import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogMemory } from '@triad/backend-utils';
import {
  DataSourceDocument,
  formatResolutionProblem,
  isCompositeSlo,
  OpenSloReferenceKind,
  ResolvedAlertCondition,
  ResolvedMetricSource,
  ResolvedSlo,
  resolveSlo,
  SliSpec,
  SloDocument,
  SloObjective,
  sloServiceRef,
  validateOpenSloDocument,
} from '@triad/plugin-slo-common';
import { ResolvedDataSource } from '@triad/plugin-slo-node';
import { ConfiguredDataSource } from '../config';

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
  conditions?: ResolvedAlertCondition[];
  /** Why the SLO as a whole cannot be evaluated (its alerting is unusable). */
  problem?: string;
}

/** The OpenSLO document of a valid SLO entity; undefined for anything else. */
export function sloDocumentOf(entity: Entity): SloDocument | undefined {
  const result = validateOpenSloDocument(entity);
  return result.ok && result.document.kind === 'SLO'
    ? result.document
    : undefined;
}

const notFound = ({
  kind,
  name,
}: {
  kind: OpenSloReferenceKind;
  name: string;
}) =>
  kind === 'DataSource'
    ? `data source "${name}" is neither configured in slo.dataSources nor a DataSource entity in the catalog`
    : `${kind} "${name}" was not found in the catalog`;

/** The entity reference a document's name for another document means. */
function entityRef(
  kind: OpenSloReferenceKind,
  name: string,
  namespace: string,
): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(name, { defaultKind: kind, defaultNamespace: namespace }),
    );
  } catch {
    return undefined; // not a reference at all; the resolver says not found
  }
}

function dataSourceOf(source: ResolvedMetricSource): ResolvedDataSource {
  const lower = (s: string) => s.toLocaleLowerCase('en-US');
  if (source.dataSource) {
    return {
      name: source.ref!,
      type: lower(source.dataSource.spec.type),
      config: source.dataSource.spec.connectionDetails ?? {},
    };
  }
  const type = lower(source.type!);
  return { name: type, type, config: {} };
}

/** What the evaluator needs of one resolved SLO, with its problems in words. */
function definitionOf(
  entity: Entity,
  doc: SloDocument,
  r: ResolvedSlo,
): SloDefinition {
  const problemOf = (objective?: number) => {
    const lines = r.problems
      .filter(p => p.objective === objective)
      .map(formatResolutionProblem);
    return lines.length ? lines.join('; ') : undefined;
  };
  const problem = problemOf(undefined);
  return {
    ref: stringifyEntityRef(getCompoundEntityRef(entity)),
    entity,
    doc,
    serviceRef: stringifyEntityRef(sloServiceRef(doc)),
    objectives: r.objectives.map(o => {
      const objectiveProblem = problemOf(o.index);
      return {
        index: o.index,
        objective: o.objective,
        ...(o.sli && { indicator: o.sli.spec }),
        ...(objectiveProblem
          ? { problem: objectiveProblem }
          : o.metricSource && { source: dataSourceOf(o.metricSource) }),
      };
    }),
    ...(r.alertConditions && { conditions: r.alertConditions }),
    ...(problem && { problem }),
  };
}

/**
 * Resolves SLO entities into what the evaluator needs, with slo-common's
 * resolveSlo, the resolver of the generated Prometheus rules. Supporting
 * entities (SLIs, policies, conditions, data sources) are read with the
 * plugin's own credentials, in one batched request per level of reference;
 * whether the caller may see the SLO is decided before.
 */
export class SloDefinitions {
  /** `slo.dataSources`, as DataSource documents; they win over entities of the same name. */
  private readonly configured = new Map<string, DataSourceDocument>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    configured: readonly ConfiguredDataSource[],
    // While the catalog fails or is slow, its last answers resolve the SLOs.
    private readonly memory = new CatalogMemory(),
  ) {
    for (const { name, type, connectionDetails } of configured) {
      this.configured.set(name, {
        apiVersion: 'openslo/v1',
        kind: 'DataSource',
        metadata: { name },
        spec: { type, connectionDetails },
      });
    }
  }

  async resolve(entities: Entity[]): Promise<SloDefinition[]> {
    const slos = entities.flatMap(entity => {
      const doc = sloDocumentOf(entity);
      // A composite has no SLI of its own: CompositeService evaluates it from its parts.
      return doc && !isCompositeSlo(doc.spec)
        ? [{ entity, doc, ns: entity.metadata.namespace ?? 'default' }]
        : [];
    });
    const resolved = await this.resolveReferences(slos);
    return resolved.map((r, i) => definitionOf(slos[i].entity, slos[i].doc, r));
  }

  /**
   * Resolves, fetches what was missing, resolves again: one round per level
   * of reference (SLO → SLI or policy → data source or condition).
   */
  private async resolveReferences(
    slos: { doc: SloDocument; ns: string }[],
  ): Promise<ResolvedSlo[]> {
    // Entity ref → entity, or null once the catalog said it has none.
    const fetched = new Map<string, Entity | null>();
    const lookupIn =
      (ns: string) => (kind: OpenSloReferenceKind, name: string) => {
        if (kind === 'DataSource' && this.configured.has(name)) {
          return this.configured.get(name);
        }
        const ref = entityRef(kind, name, ns);
        return (ref && fetched.get(ref)) ?? undefined;
      };
    for (;;) {
      const resolved = slos.map(({ doc, ns }) =>
        resolveSlo(doc, lookupIn(ns), { notFound }),
      );
      const wanted = new Set(
        resolved.flatMap((r, i) =>
          r.missing
            .map(m => entityRef(m.kind, m.name, slos[i].ns))
            .filter((ref): ref is string => !!ref && !fetched.has(ref)),
        ),
      );
      if (!wanted.size) return resolved;
      await this.fetch([...wanted], fetched);
    }
  }

  private async fetch(
    entityRefs: string[],
    into: Map<string, Entity | null>,
  ): Promise<void> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const items = await this.memory
      .forCaller(credentials)
      .ask(`entities ${entityRefs.join(' ')}`, async () => {
        const answer = await this.catalog.getEntitiesByRefs(
          { entityRefs },
          { credentials },
        );
        return answer.items;
      });
    entityRefs.forEach((ref, i) => into.set(ref, items[i] ?? null));
  }
}
