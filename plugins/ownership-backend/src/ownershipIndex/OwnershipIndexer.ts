import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OwnershipRole } from '@triad/plugin-ownership-common';
import { OwnershipIndex } from './OwnershipIndex';
import { readCatalogEntities } from './readCatalogEntities';

/**
 * Keeps the current ownership index: rebuilds it on request, one build at a
 * time, and serves the last good one while a rebuild runs or fails.
 */
export class OwnershipIndexer {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #roles: OwnershipRole[];
  readonly #clock: () => Date;
  #current?: OwnershipIndex;
  #running?: Promise<OwnershipIndex>;
  #queued?: Promise<OwnershipIndex>;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    roles: OwnershipRole[];
    clock?: () => Date;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#roles = options.roles;
    this.#clock = options.clock ?? (() => new Date());
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

  /** The current index; the first request waits for the first build. */
  async current(): Promise<OwnershipIndex> {
    if (this.#current) return this.#current;
    try {
      return await this.refresh();
    } catch (error) {
      throw new ServiceUnavailableError(
        `The ownership index could not be built yet: ${
          (error as Error).message
        }`,
      );
    }
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

  async #build(): Promise<OwnershipIndex> {
    const started = Date.now();
    const credentials = await this.#auth.getOwnServiceCredentials();
    const entities = await readCatalogEntities(this.#catalog, credentials);
    const index = OwnershipIndex.build(entities, {
      roles: this.#roles,
      indexedAt: this.#clock(),
    });
    // The first build is news; routine rebuilds are not.
    const log = this.#current ? this.#logger.debug : this.#logger.info;
    log.call(
      this.#logger,
      `Ownership index built from ${entities.length} entities in ${
        Date.now() - started
      } ms`,
    );
    this.#current = index;
    return index;
  }
}
