import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OwnershipRole } from '@triad/plugin-ownership-common';
import { NotReadyError } from '@triad/backend-utils';
import { OwnershipIndex } from './OwnershipIndex';
import {
  countCatalogEntities,
  readCatalogEntities,
} from './readCatalogEntities';

/**
 * Rebuilds triggered by a changed entity count wait at least this many times
 * the last build's duration after it, so that a large catalog that changes
 * all the time is not rebuilt back to back.
 */
const MIN_GAP_IN_BUILDS = 3;

interface CurrentIndex {
  index: OwnershipIndex;
  /** How many catalog entities it was built from. */
  entityCount: number;
  builtAtMs: number;
  buildMs: number;
}

/**
 * Keeps the current ownership index: rebuilds it on request, one build at a
 * time, and serves the last good one while a rebuild runs or fails. Until it
 * holds entities (right after start, the catalog is still loading), requests
 * are told to come back later.
 */
export class OwnershipIndexer {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #roles: OwnershipRole[];
  readonly #clock: () => Date;
  readonly #retryAfterSeconds: number;
  #current?: CurrentIndex;
  #running?: Promise<OwnershipIndex>;
  #queued?: Promise<OwnershipIndex>;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    roles: OwnershipRole[];
    clock?: () => Date;
    /** What a request answered 503 is told to wait; the change check's interval. */
    retryAfterSeconds?: number;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#roles = options.roles;
    this.#clock = options.clock ?? (() => new Date());
    this.#retryAfterSeconds = options.retryAfterSeconds ?? 10;
  }

  /**
   * Rebuilds the index. A call during a build queues one more build, so that
   * changes made while the first one read the catalog are picked up.
   */
  refresh(): Promise<OwnershipIndex> {
    if (this.#queued) return this.#queued;
    if (this.#running) {
      this.#queued = this.#running
        .catch(() => undefined)
        .then(() => {
          this.#queued = undefined;
          return this.refresh();
        });
      return this.#queued;
    }
    this.#running = this.#build().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /**
   * The current index. The first request waits for the first build; while
   * no index holds entities, requests get a NotReadyError (503).
   */
  async current(): Promise<OwnershipIndex> {
    if (!this.#current) {
      try {
        await this.refresh();
      } catch (error) {
        throw new NotReadyError(
          `The ownership index could not be built yet: ${
            (error as Error).message
          }`,
          this.#retryAfterSeconds,
        );
      }
    }
    const current = this.#current!;
    if (current.entityCount === 0) {
      throw new NotReadyError(
        `The ownership index is warming up: the catalog holds no components, systems, domains, resources, APIs, groups or users yet (it may still be loading its locations). Try again in ${
          this.#retryAfterSeconds
        } seconds.`,
        this.#retryAfterSeconds,
      );
    }
    return current.index;
  }

  /**
   * Asks the catalog how many entities the index would hold, and rebuilds
   * when that differs from what the current index was built from: the first
   * entities after start, entities added or removed. A cheap question (one
   * count), meant to be asked every few seconds. Resolves to whether it
   * rebuilt.
   */
  async checkForChanges(): Promise<boolean> {
    if (this.#running) return false;
    const current = this.#current;
    // While requests are turned away, any change is worth a rebuild at once.
    if (
      current?.entityCount &&
      this.#now() - current.builtAtMs < MIN_GAP_IN_BUILDS * current.buildMs
    ) {
      return false;
    }
    const credentials = await this.#auth.getOwnServiceCredentials();
    const count = await countCatalogEntities(this.#catalog, credentials);
    if (current && count === current.entityCount) return false;
    this.#logger.debug(
      `Rebuilding the ownership index: the catalog holds ${count} entities to index, the index ${
        current?.entityCount ?? 'none'
      }`,
    );
    await this.refresh();
    return true;
  }

  /**
   * Rebuilds after `delayMs`, giving the catalog time to process the change
   * that was announced; further requests until then are folded into it.
   */
  refreshSoon(delayMs: number): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.refresh().catch(error =>
        this.#logger.warn(
          `Ownership index refresh after a catalog event failed: ${error}`,
        ),
      );
    }, delayMs);
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #now(): number {
    return this.#clock().getTime();
  }

  async #build(): Promise<OwnershipIndex> {
    const started = this.#now();
    const credentials = await this.#auth.getOwnServiceCredentials();
    const entities = await readCatalogEntities(this.#catalog, credentials);
    const index = OwnershipIndex.build(entities, {
      roles: this.#roles,
      indexedAt: this.#clock(),
    });
    const finished = this.#now();
    const previous = this.#current;
    this.#current = {
      index,
      entityCount: entities.length,
      builtAtMs: finished,
      buildMs: finished - started,
    };
    // The first build with entities is news; routine rebuilds are not.
    const news = !previous || previous.entityCount === 0;
    const log = news ? this.#logger.info : this.#logger.debug;
    log.call(
      this.#logger,
      `Ownership index built from ${entities.length} entities in ${
        finished - started
      } ms`,
    );
    return index;
  }
}
