import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CatalogStaleness,
  CoverageResponse,
  EntityOwnershipResponse,
  GroupResponsibilitiesResponse,
  LookupResponse,
  TopologyResponse,
} from '@triad/plugin-ownership-common';
import { OwnershipIndex } from '../ownershipIndex/OwnershipIndex';
import { CatalogVisibility } from './CatalogVisibility';
import { CanRead } from './queries/shared';
import { entityOwnership } from './queries/entityOwnership';
import { groupResponsibilities } from './queries/groupResponsibilities';
import { lookup } from './queries/lookup';
import { coverage } from './queries/coverage';
import { topology } from './queries/topology';

/**
 * Answers the ownership questions from the current index, filtered to what
 * the caller may read in the catalog.
 */
export class OwnershipService {
  readonly #indexer: { current(): Promise<OwnershipIndex> };
  readonly #visibility: CatalogVisibility;
  readonly #clock: () => Date;

  constructor(options: {
    indexer: { current(): Promise<OwnershipIndex> };
    visibility: CatalogVisibility;
    clock?: () => Date;
  }) {
    this.#indexer = options.indexer;
    this.#visibility = options.visibility;
    this.#clock = options.clock ?? (() => new Date());
  }

  entityOwnership(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<EntityOwnershipResponse> {
    return this.#answer(credentials, (index, canRead) =>
      entityOwnership(index, ref, canRead),
    );
  }

  groupResponsibilities(
    ref: string,
    includeSubTeams: boolean,
    credentials: BackstageCredentials,
  ): Promise<GroupResponsibilitiesResponse> {
    return this.#answer(credentials, (index, canRead) =>
      groupResponsibilities(index, ref, includeSubTeams, canRead),
    );
  }

  lookup(
    query: string,
    credentials: BackstageCredentials,
  ): Promise<LookupResponse> {
    return this.#answer(credentials, (index, canRead) =>
      lookup(index, query, canRead),
    );
  }

  coverage(credentials: BackstageCredentials): Promise<CoverageResponse> {
    return this.#answer(credentials, (index, canRead) =>
      coverage(index, this.#today(), canRead),
    );
  }

  topology(credentials: BackstageCredentials): Promise<TopologyResponse> {
    return this.#answer(credentials, (index, canRead) =>
      topology(index, this.#today(), canRead),
    );
  }

  async #answer<T extends { catalogStale?: CatalogStaleness }>(
    credentials: BackstageCredentials,
    query: (index: OwnershipIndex, canRead: CanRead) => T,
  ): Promise<T> {
    const index = await this.#indexer.current();
    const { result, catalogStale } = await this.#visibility.filter(
      credentials,
      index,
      canRead => query(index, canRead),
    );
    return catalogStale ? { ...result, catalogStale } : result;
  }

  #today(): string {
    return this.#clock().toISOString().slice(0, 10);
  }
}
