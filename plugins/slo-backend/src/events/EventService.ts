import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CallerCatalog, CatalogMemory } from '@triad/backend-utils';
import {
  budgetSpentAround,
  RELATION_MEASURES,
  SloEvent,
  SloEventBudget,
  SloEventsResponse,
  sloEventsCreatePermission,
} from '@triad/plugin-slo-common';
import { SnapshotStore } from '../database/SnapshotStore';
import { EventStore } from './EventStore';
import { validateEventInput } from './validateEventInput';

/** Deploys are compared over the hour before and the hour after. */
export const DEPLOY_WINDOW_MS = 3_600_000;

/**
 * Deploy, incident and maintenance events of entities: recorded by
 * pipelines, listed for chart markers with what each deploy cost every SLO
 * of the entity. Only for entities the caller may read.
 */
export class EventService {
  constructor(
    private readonly deps: {
      auth: AuthService;
      permissions: PermissionsService;
      catalog: CatalogService;
      eventStore: EventStore;
      snapshots: Pick<SnapshotStore, 'history'>;
      snapshotRetentionMs: number;
      /** Shared with SloService: answers from memory while the catalog is down. */
      catalogMemory?: CatalogMemory;
      now?: () => number;
    },
  ) {
    this.memory = deps.catalogMemory ?? new CatalogMemory();
  }

  private readonly memory: CatalogMemory;

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  private async readableOrThrow(
    catalog: CallerCatalog,
    entityRef: string,
    credentials: BackstageCredentials,
  ) {
    // The same question as SloService asks, so either remembers for both.
    const entity = await catalog.ask(`entity ${entityRef}`, () =>
      this.deps.catalog.getEntityByRef(entityRef, { credentials }),
    );
    if (!entity) throw new NotFoundError(`No entity ${entityRef} found`);
  }

  /** Records an event (replacing one with the same entity and id). */
  async record(body: unknown, credentials: BackstageCredentials) {
    // Pipelines and other backends send with service tokens; people need the permission.
    if (!this.deps.auth.isPrincipal(credentials, 'service')) {
      const [decision] = await this.deps.permissions.authorize(
        [{ permission: sloEventsCreatePermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `recording events needs the permission ${sloEventsCreatePermission.name}`,
        );
      }
    }
    const now = this.now();
    const input = validateEventInput(body, now - this.deps.snapshotRetentionMs);
    await this.readableOrThrow(
      this.memory.forCaller(credentials),
      input.entityRef,
      credentials,
    );
    return this.deps.eventStore.record(input, now);
  }

  /** Events of an entity in a range, deploys with their budget figures. */
  async list(
    entityRef: string,
    range: { from: Date; to: Date },
    credentials: BackstageCredentials,
  ): Promise<SloEventsResponse> {
    const catalog = this.memory.forCaller(credentials);
    const [, { items: slos }] = await Promise.all([
      this.readableOrThrow(catalog, entityRef, credentials),
      catalog.ask(`event slos measuring ${entityRef}`, () =>
        this.deps.catalog.getEntities(
          {
            filter: {
              kind: 'SLO',
              [`relations.${RELATION_MEASURES}`]: entityRef,
            },
            fields: ['kind', 'metadata.namespace', 'metadata.name'],
          },
          { credentials },
        ),
      ),
    ]);
    const sloRefs = slos.map(s => stringifyEntityRef(s)).sort();
    const events = await this.deps.eventStore.list(
      entityRef,
      range.from.getTime(),
      range.to.getTime(),
    );
    const items = await Promise.all(
      events.map(async e =>
        e.type === 'deploy' && sloRefs.length
          ? { ...e, budget: await this.budgetAround(e, sloRefs) }
          : e,
      ),
    );
    const catalogStale = catalog.staleness();
    return {
      entityRef,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      items,
      ...(catalogStale && { catalogStale }),
    };
  }

  /** Budget each SLO objective spent in the hour before and after a deploy. */
  private async budgetAround(
    event: SloEvent,
    sloRefs: string[],
  ): Promise<SloEventBudget[]> {
    const at = Date.parse(event.time);
    const perSlo = await Promise.all(
      sloRefs.map(async sloRef => {
        // A little beyond each window, so that the snapshots either side of
        // its edges are there to read between.
        const points = await this.deps.snapshots.history(
          sloRef,
          at - 2 * DEPLOY_WINDOW_MS,
          at + 2 * DEPLOY_WINDOW_MS,
        );
        const objectives = new Map<
          number,
          { displayName?: string; series: { t: number; remaining?: number }[] }
        >();
        for (const p of points) {
          const t = Date.parse(p.evaluatedAt);
          for (const o of p.objectives) {
            const entry = objectives.get(o.index) ?? { series: [] };
            entry.displayName = o.displayName;
            entry.series.push({ t, remaining: o.remaining });
            objectives.set(o.index, entry);
          }
        }
        return [...objectives.entries()]
          .sort(([a], [b]) => a - b)
          .map(([objectiveIndex, { displayName, series }]) => ({
            sloRef,
            objectiveIndex,
            ...(displayName !== undefined && { displayName }),
            windowMs: DEPLOY_WINDOW_MS,
            ...budgetSpentAround(series, at, DEPLOY_WINDOW_MS),
          }));
      }),
    );
    // JSON drops undefined figures, as the answer will.
    return JSON.parse(JSON.stringify(perSlo.flat()));
  }
}
