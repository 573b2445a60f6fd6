import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  NotReadyError,
  queryAllEntities,
  readableEntityRefs,
} from '@triad/backend-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntitySlosResponse,
  PolicyDecision,
  RELATION_MEASURES,
  SloHistoryResponse,
  SloListQuery,
  SloListResponse,
  SloResult,
  SloTimelineResponse,
  sloServiceRef,
} from '@triad/plugin-slo-common';
import { BudgetPolicy, decidePolicy } from '../evaluation/decidePolicy';
import { SloDefinitions, sloDocumentOf } from '../evaluation/SloDefinitions';
import { contextOf, measuredService } from '../evaluation/sloContext';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { FleetRunStore } from '../database/FleetRunStore';
import { SnapshotStore } from '../database/SnapshotStore';
import { sloRefsFingerprint } from './sloRefsFingerprint';

const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/** Runs `fn` over `items` with at most `limit` at a time. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (t: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  return out;
}

/**
 * The SLO use cases behind the HTTP API. Every method that takes credentials
 * returns only SLOs whose entity and service the caller may read.
 */
export class SloService {
  /** SLOs already reported for measuring a missing service. */
  private readonly missingServices = new Set<string>();

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      definitions: SloDefinitions;
      evaluator: SloEvaluator;
      snapshots: SnapshotStore;
      fleetRuns: FleetRunStore;
      policy: BudgetPolicy;
      concurrency: number;
      /** What a fleet request answered 503 is told to wait. */
      fleetRetryAfterSeconds?: number;
    },
  ) {}

  private async entityOrThrow(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.deps.catalog.getEntityByRef(ref, { credentials });
    if (!entity) throw new NotFoundError(`No entity ${ref} found`);
    return entity;
  }

  /** Evaluations of every SLO that measures the entity. */
  async entitySlos(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntitySlosResponse> {
    // The request behind every service page: the entity and the SLOs that
    // measure it are asked for at once (two small queries in parallel are
    // faster in the catalog than one query with both filters).
    const [entity, { items }] = await Promise.all([
      this.deps.catalog.getEntityByRef(entityRef, { credentials }),
      this.deps.catalog.getEntities(
        {
          filter: {
            kind: 'SLO',
            [`relations.${RELATION_MEASURES}`]: entityRef,
          },
        },
        { credentials },
      ),
    ]);
    if (!entity) throw new NotFoundError(`No entity ${entityRef} found`);
    const service = measuredService(entity);
    const results = await this.deps.evaluator.evaluate(items, service);
    return {
      entityRef: service.ref,
      items: results.sort((a, b) => a.ref.localeCompare(b.ref)),
    };
  }

  /** An SLO entity with its service, or NotFound unless the caller may read both. */
  private async visibleSlo(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<{ slo: Entity; service: Entity }> {
    const ref = `slo:${namespace}/${name}`;
    const slo = await this.entityOrThrow(ref, credentials);
    const doc = sloDocumentOf(slo);
    if (!doc) throw new NotFoundError(`${ref} is not a valid OpenSLO SLO`);
    const service = await this.deps.catalog.getEntityByRef(
      stringifyEntityRef(sloServiceRef(doc)),
      { credentials },
    );
    if (!service) throw new NotFoundError(`No entity ${ref} found`);
    return { slo, service };
  }

  /** One SLO, evaluated. */
  async getSlo(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<SloResult> {
    const { slo, service } = await this.visibleSlo(
      namespace,
      name,
      credentials,
    );
    const [result] = await this.deps.evaluator.evaluate(
      [slo],
      measuredService(service),
    );
    return result;
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
    const { slo, service } = await this.visibleSlo(
      namespace,
      name,
      credentials,
    );
    return this.deps.evaluator.timeline(slo, measuredService(service));
  }

  /** SLI and budget over time, from snapshots. */
  async history(
    namespace: string,
    name: string,
    range: { from: Date; to: Date },
    credentials: BackstageCredentials,
  ): Promise<SloHistoryResponse> {
    const { slo } = await this.visibleSlo(namespace, name, credentials);
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
  }

  /**
   * The fleet list from the latest snapshots; a NotReadyError (503) until a
   * scheduled evaluation of every SLO has finished.
   */
  async list(
    query: SloListQuery,
    credentials: BackstageCredentials,
  ): Promise<SloListResponse> {
    if (!(await this.deps.fleetRuns.lastRun())) {
      const seconds = this.deps.fleetRetryAfterSeconds ?? 10;
      throw new NotReadyError(
        `The SLO fleet is warming up: no evaluation of every SLO has finished yet (the first one starts within seconds of the backend starting). Try again in ${seconds} seconds.`,
        seconds,
      );
    }
    const all = await this.deps.snapshots.list(query);
    const visible = await readableEntityRefs(
      this.deps.catalog,
      all.flatMap(r => [r.ref, r.serviceRef]),
      { credentials },
    );
    const items = all.filter(
      r => visible.has(r.ref) && visible.has(r.serviceRef),
    );
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 100;
    return {
      items: items.slice(offset, offset + limit),
      totalItems: items.length,
      offset,
      limit,
    };
  }

  /** The error-budget policy decision for an entity. */
  async policy(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<PolicyDecision> {
    const { entityRef: ref, items } = await this.entitySlos(
      entityRef,
      credentials,
    );
    return decidePolicy(ref, items, this.deps.policy, new Date());
  }

  /**
   * Evaluates every SLO in the catalog with the plugin's own credentials and
   * stores snapshots. Run by the scheduler, once per interval cluster-wide.
   */
  async evaluateAll(): Promise<{ evaluated: number; failed: number }> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const entities = await this.catalogSlos(credentials);
    const defs = await this.deps.definitions.resolve(entities);
    const services = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: defs.map(d => d.serviceRef),
        fields: [...REF_FIELDS, 'relations'],
      },
      { credentials },
    );
    // Every endpoint shows an SLO only with its service, so an SLO whose
    // service is missing would otherwise disappear without a word. Said once
    // per SLO and service, not on every run.
    defs.forEach((def, i) => {
      const key = `${def.ref} ${def.serviceRef}`;
      if (services.items[i]) {
        this.missingServices.delete(key);
      } else if (!this.missingServices.has(key)) {
        this.missingServices.add(key);
        this.deps.logger.warn(
          `${def.ref} measures ${def.serviceRef}, which is not in the catalog; the SLO is hidden until its spec.service names an existing entity`,
        );
      }
    });
    const results = await mapLimit(
      defs.map((def, i) => ({ def, service: services.items[i] ?? undefined })),
      this.deps.concurrency,
      ({ def, service }) =>
        this.deps.evaluator.evaluateNow(def, contextOf(service)),
    );
    await this.deps.snapshots.retainOnly(defs.map(d => d.ref));
    const refs = entities.map(e => stringifyEntityRef(e));
    await this.deps.fleetRuns.saveRun({
      finishedAt: Date.now(),
      sloCount: refs.length,
      sloRefsHash: sloRefsFingerprint(refs),
    });
    const failed = results.filter(r => r.stale || r.error).length;
    return { evaluated: results.length, failed };
  }

  /**
   * Whether the fleet needs an evaluation before its turn: none has finished
   * yet, or SLOs came into or left the catalog since the last one (reads
   * only the SLOs' references). Right after a start the catalog is still
   * loading, so this is asked every few seconds.
   */
  async fleetChanged(): Promise<boolean> {
    const run = await this.deps.fleetRuns.lastRun();
    if (!run) return true;
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const slos = await this.catalogSlos(credentials, REF_FIELDS);
    return (
      sloRefsFingerprint(slos.map(e => stringifyEntityRef(e))) !==
      run.sloRefsHash
    );
  }

  /** Every SLO entity in the catalog, page by page. */
  private catalogSlos(
    credentials: BackstageCredentials,
    fields?: string[],
  ): Promise<Entity[]> {
    return queryAllEntities(
      this.deps.catalog,
      { filter: { kind: 'SLO' }, fields },
      { credentials },
    );
  }
}
