import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { RELATION_PARENT_OF } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CallerCatalog,
  CatalogMemory,
  NotReadyError,
  readsEveryEntity,
} from '@triad/backend-utils';
import {
  countByStatus,
  rollUpFleet,
  SloFleetFilter,
  SloListQuery,
  SloListResponse,
  SloRollUpsResponse,
} from '@triad/plugin-slo-common';
import { FleetRunStore } from '../database/FleetRunStore';
import { LatestRef, SnapshotStore } from '../database/SnapshotStore';

/**
 * The fleet: every SLO's latest snapshot, filtered, ordered and paged, and
 * rolled up by owner or system, with only SLOs whose entity and service the
 * caller may read.
 *
 * @remarks
 * Filters and order are applied in the database to refs and a few columns;
 * only a page's evaluations (and each roll-up group's worst) are parsed. When
 * the permission policy lets the caller read every catalog entity the
 * catalog is not asked; otherwise it is asked once, through the CatalogMemory
 * shared with SloService, which of the matching SLOs and services the caller
 * may read.
 */
export class FleetList {
  private readonly memory: CatalogMemory;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      snapshots: Pick<SnapshotStore, 'listRefs' | 'results'>;
      fleetRuns: Pick<FleetRunStore, 'lastRun'>;
      permissions?: PermissionsService;
      catalogMemory?: CatalogMemory;
      /** What a request answered 503 while the fleet warms up is told to wait. */
      retryAfterSeconds?: number;
    },
  ) {
    this.memory = deps.catalogMemory ?? new CatalogMemory();
  }

  /**
   * The fleet list from the latest snapshots; a NotReadyError (503) until a
   * scheduled evaluation of every SLO has finished.
   */
  async list(
    query: SloListQuery,
    credentials: BackstageCredentials,
  ): Promise<SloListResponse> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 100;
    return this.visibleFleet(query, credentials, async visible => ({
      items: await this.deps.snapshots.results(
        visible.slice(offset, offset + limit).map(r => r.ref),
      ),
      totalItems: visible.length,
      counts: countByStatus(visible),
      offset,
      limit,
    }));
  }

  /** The fleet (as filtered) rolled up by owner or by system. */
  async rollUps(
    by: SloRollUpsResponse['by'],
    filter: SloFleetFilter,
    credentials: BackstageCredentials,
  ): Promise<SloRollUpsResponse> {
    const keyOf = (r: LatestRef) => (by === 'owner' ? r.ownerRef : r.systemRef);
    return this.visibleFleet(filter, credentials, async visible => ({
      by,
      rows: rollUpFleet(visible, keyOf, r => r.title),
    }));
  }

  /**
   * The latest snapshots matching the filter whose SLO and service the
   * caller may read, least budget left first, as refs: filtered and ordered
   * in the database, with no evaluation's JSON read.
   */
  private async visibleFleet<T extends object>(
    filter: SloFleetFilter,
    credentials: BackstageCredentials,
    answer: (visible: LatestRef[]) => Promise<T>,
  ): Promise<T> {
    if (!(await this.deps.fleetRuns.lastRun())) {
      const seconds = this.deps.retryAfterSeconds ?? 10;
      throw new NotReadyError(
        `The SLO fleet is warming up: no evaluation of every SLO has finished yet (the first one starts within seconds of the backend starting). Try again in ${seconds} seconds.`,
        seconds,
      );
    }
    const catalog = this.memory.forCaller(credentials);
    // A caller the policy lets read everything sees every SLO: the catalog
    // is not asked about thousands of refs it would all allow.
    const [everything, all] = await Promise.all([
      readsEveryEntity(this.deps.permissions, credentials),
      this.ownersOf(catalog, filter, credentials).then(owners =>
        this.deps.snapshots.listRefs({ ...filter, owners }),
      ),
    ]);
    const visible = everything ? all : await this.readable(catalog, all);
    const result = await answer(visible);
    const catalogStale = catalog.staleness();
    return catalogStale ? { ...result, catalogStale } : result;
  }

  /** The SLOs whose entity and service the caller may read. */
  private async readable(
    catalog: CallerCatalog,
    all: LatestRef[],
  ): Promise<LatestRef[]> {
    // From memory, SLOs whose visibility is not known are left out.
    const visible = await catalog.readable(
      this.deps.catalog,
      all.flatMap(r => [r.ref, r.serviceRef]),
      { unknown: 'hide' },
    );
    return all.filter(r => visible.has(r.ref) && visible.has(r.serviceRef));
  }

  /**
   * The owners a filter asks for: `owner` itself, and `team` with every
   * group below it (the catalog's parentOf, one request per level, as the
   * caller sees the groups); undefined for no owner filter.
   */
  private async ownersOf(
    catalog: CallerCatalog,
    filter: SloFleetFilter,
    credentials: BackstageCredentials,
  ): Promise<string[] | undefined> {
    if (!filter.team) return filter.owner ? [filter.owner] : undefined;
    const teams = new Set([filter.team]);
    let level = [filter.team];
    while (level.length) {
      const refs = level;
      const { items } = await catalog.ask(`groups ${refs.join(',')}`, () =>
        this.deps.catalog.getEntitiesByRefs(
          { entityRefs: refs, fields: ['relations'] },
          { credentials },
        ),
      );
      level = items
        .flatMap(e => e?.relations ?? [])
        .filter(r => r.type === RELATION_PARENT_OF && !teams.has(r.targetRef))
        .map(r => r.targetRef);
      level.forEach(ref => teams.add(ref));
    }
    // With both filters, SLOs must match both.
    return filter.owner
      ? [...teams].filter(t => t === filter.owner)
      : [...teams];
  }
}
