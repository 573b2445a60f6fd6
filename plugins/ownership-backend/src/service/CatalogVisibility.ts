import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  CallerCatalog,
  CatalogMemory,
  CatalogStaleness,
  NotReadyError,
  readsEveryEntity,
} from '@triad/backend-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OwnershipIndex } from '../ownershipIndex/OwnershipIndex';
import { CanRead } from './queries/shared';

// After this many rounds, references still unchecked count as unreadable.
const MAX_ROUNDS = 3;

/**
 * Filters responses to what the caller may read in the catalog.
 *
 * @remarks
 * The index is built with the plugin's own credentials, so it holds entities
 * the caller may not see. A response is first computed assuming everything is
 * readable, which collects every reference it could contain; the catalog is
 * then asked, in one batch with the caller's credentials, which of those it
 * returns, and the response is computed again with that answer. Should the
 * second computation bring up references not yet checked (a lookup filling
 * its places with further matches), they are checked in another batch.
 *
 * When the permission policy lets the caller read every catalog entity
 * unconditionally (the catalog itself then filters nothing), the catalog is
 * not asked at all.
 *
 * While the catalog fails or is slow, the catalog's last decisions for the
 * same caller and references answer (see CatalogMemory), and the answer says
 * it is stale; without a decision for every reference it is a 503.
 */
export class CatalogVisibility {
  readonly #catalog: CatalogService;
  readonly #permissions?: PermissionsService;
  readonly #memory: CatalogMemory;

  constructor(
    catalog: CatalogService,
    permissions?: PermissionsService,
    memory = new CatalogMemory(),
  ) {
    this.#catalog = catalog;
    this.#permissions = permissions;
    this.#memory = memory;
  }

  async filter<T>(
    credentials: BackstageCredentials,
    index: OwnershipIndex,
    compute: (canRead: CanRead) => T,
  ): Promise<{ result: T; catalogStale?: CatalogStaleness }> {
    if (await readsEveryEntity(this.#permissions, credentials)) {
      return { result: compute(() => true) };
    }
    const caller = this.#memory.forCaller(credentials);
    const decided = new Map<string, boolean>();
    for (let round = 0; ; round++) {
      const unchecked = new Set<string>();
      const result = compute(ref => {
        // A reference to nothing in the catalog (an orphaned holder, an
        // interaction with a missing team) reveals only what the readable
        // entity that holds it already says.
        if (!index.has(ref)) return true;
        const known = decided.get(ref);
        if (known !== undefined) return known;
        unchecked.add(ref);
        return round < MAX_ROUNDS;
      });
      if (unchecked.size === 0 || round === MAX_ROUNDS) {
        const catalogStale = caller.staleness();
        return catalogStale ? { result, catalogStale } : { result };
      }
      const readable = await this.#readable(caller, unchecked);
      for (const ref of unchecked) decided.set(ref, readable.has(ref));
    }
  }

  async #readable(
    caller: CallerCatalog,
    entityRefs: Set<string>,
  ): Promise<Set<string>> {
    try {
      return await caller.readable(this.#catalog, entityRefs);
    } catch (error) {
      if (error instanceof NotReadyError) throw error;
      // Without the catalog's answer nothing may be shown.
      throw new ServiceUnavailableError(
        `Could not ask the catalog what the caller may read: ${
          (error as Error).message
        }`,
      );
    }
  }
}
