import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CallerCatalog, CatalogMemory } from '@triad/backend-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntitySlosResponse,
  isCompositeSlo,
  PolicyDecision,
  RELATION_MEASURES,
  RELEASE_GATE_POLICY_ANNOTATION,
  resolveReleaseGatePolicy,
  SloHistoryResponse,
  SloResult,
  SloSummaryRef,
  SloTimelineResponse,
  sloServiceRef,
} from '@triad/plugin-slo-common';
import { decidePolicy } from '../evaluation/decidePolicy';
import { looksComposite } from '../composite/looksComposite';
import { sloDocumentOf } from '../evaluation/SloDefinitions';
import { measuredService, MeasuredService } from '../evaluation/sloContext';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { SnapshotStore } from '../database/SnapshotStore';
import { SloBackendConfig } from '../config';

/** The SLO entity as a composite's summary, or nothing for any other SLO. */
function compositeSummary(entity: Entity): SloSummaryRef[] {
  if (!looksComposite(entity)) return [];
  const doc = sloDocumentOf(entity);
  if (!doc || !isCompositeSlo(doc.spec)) return [];
  const { namespace = 'default', name } = entity.metadata;
  const title = doc.metadata.displayName ?? entity.metadata.title ?? name;
  return [{ ref: stringifyEntityRef(entity), namespace, name, title }];
}

/**
 * The SLO use cases behind the HTTP API. Every method that takes credentials
 * returns only SLOs whose entity and service the caller may read.
 *
 * @remarks
 * The catalog is asked with the caller's credentials through a
 * CatalogMemory: while it fails or is slow, its last answers to the same
 * caller are used and the response carries `catalogStale`.
 */
export class SloService {
  private readonly memory: CatalogMemory;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      evaluator: SloEvaluator;
      snapshots: SnapshotStore;
      policy: SloBackendConfig['policy'];
      catalogMemory?: CatalogMemory;
    },
  ) {
    this.memory = deps.catalogMemory ?? new CatalogMemory();
  }

  /** Asks on the caller's behalf; marks the answer stale when the catalog's was remembered. */
  private async withCatalog<T extends object>(
    credentials: BackstageCredentials,
    answer: (catalog: CallerCatalog) => Promise<T>,
  ): Promise<T> {
    const catalog = this.memory.forCaller(credentials);
    const result = await answer(catalog);
    const catalogStale = catalog.staleness();
    return catalogStale ? { ...result, catalogStale } : result;
  }

  private entityByRef(
    catalog: CallerCatalog,
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    return catalog.ask(`entity ${ref}`, () =>
      this.deps.catalog.getEntityByRef(ref, { credentials }),
    );
  }

  private async entityOrThrow(
    catalog: CallerCatalog,
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.entityByRef(catalog, ref, credentials);
    if (!entity) throw new NotFoundError(`No entity ${ref} found`);
    return entity;
  }

  /** Evaluations of every SLO that measures the entity. */
  async entitySlos(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntitySlosResponse> {
    return this.withCatalog(credentials, async catalog => {
      const { service, results, composites } = await this.measure(
        catalog,
        entityRef,
        credentials,
      );
      return {
        entityRef: service.ref,
        items: results,
        ...(composites.length ? { composites } : {}),
      };
    });
  }

  /** The entity, as evaluations name it, and the SLOs that measure it. */
  private async measure(
    catalog: CallerCatalog,
    entityRef: string,
    credentials: BackstageCredentials,
  ) {
    // The request behind every service page: the entity and the SLOs that
    // measure it are asked for at once (two small queries in parallel are
    // faster in the catalog than one query with both filters).
    const [entity, items] = await Promise.all([
      this.entityByRef(catalog, entityRef, credentials),
      catalog.ask(`slos measuring ${entityRef}`, async () => {
        const { items: slos } = await this.deps.catalog.getEntities(
          {
            filter: {
              kind: 'SLO',
              [`relations.${RELATION_MEASURES}`]: entityRef,
            },
          },
          { credentials },
        );
        return slos;
      }),
    ]);
    if (!entity) throw new NotFoundError(`No entity ${entityRef} found`);
    const service = measuredService(entity);
    const results = await this.deps.evaluator.evaluate(items, service);
    return {
      entity,
      service,
      results: results.sort((a, b) => a.ref.localeCompare(b.ref)),
      composites: items
        .flatMap(compositeSummary)
        .sort((a, b) => a.ref.localeCompare(b.ref)),
    };
  }

  /**
   * Answers about an SLO entity and the service it measures; NotFound unless
   * the caller may read both.
   */
  private visibleSlo<T extends object>(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
    answer: (slo: Entity, service: MeasuredService) => Promise<T>,
  ): Promise<T> {
    return this.withCatalog(credentials, async catalog => {
      const ref = `slo:${namespace}/${name}`;
      const slo = await this.entityOrThrow(catalog, ref, credentials);
      const doc = sloDocumentOf(slo);
      if (!doc) throw new NotFoundError(`${ref} is not a valid OpenSLO SLO`);
      if (isCompositeSlo(doc.spec)) {
        throw new InputError(
          `${ref} is a composite SLO: GET /v1/slos/${namespace}/${name}/composite evaluates it`,
        );
      }
      const service = await this.entityByRef(
        catalog,
        stringifyEntityRef(sloServiceRef(doc)),
        credentials,
      );
      if (!service) throw new NotFoundError(`No entity ${ref} found`);
      return answer(slo, measuredService(service));
    });
  }

  /** One SLO, evaluated. */
  async getSlo(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<SloResult> {
    return this.visibleSlo(namespace, name, credentials, async (slo, svc) => {
      const [result] = await this.deps.evaluator.evaluate([slo], svc);
      return result;
    });
  }

  /**
   * Cumulative SLI and budget over the current period, from the data source,
   * up to the instant of the SLO's current evaluation.
   */
  async timeline(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<SloTimelineResponse> {
    return this.visibleSlo(namespace, name, credentials, async (slo, svc) =>
      this.deps.evaluator.timeline(slo, svc),
    );
  }

  /** SLI and budget over time, from snapshots. */
  async history(
    namespace: string,
    name: string,
    range: { from: Date; to: Date },
    credentials: BackstageCredentials,
  ): Promise<SloHistoryResponse> {
    return this.visibleSlo(namespace, name, credentials, async slo => {
      const ref = stringifyEntityRef(slo);
      return {
        ref,
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        points: await this.deps.snapshots.history(
          ref,
          range.from.getTime(),
          range.to.getTime(),
        ),
      };
    });
  }

  /**
   * The error-budget policy decision for an entity, with the policy of the
   * service (annotation), else of its owning team, else the default.
   */
  async policy(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<PolicyDecision> {
    return this.withCatalog(credentials, async catalog => {
      const { entity, service, results } = await this.measure(
        catalog,
        entityRef,
        credentials,
      );
      const policy = resolveReleaseGatePolicy({
        annotation:
          entity.metadata.annotations?.[RELEASE_GATE_POLICY_ANNOTATION],
        ownerRef: service.context.ownerRef,
        ...this.deps.policy,
      });
      return decidePolicy(service.ref, results, policy, new Date());
    });
  }
}
