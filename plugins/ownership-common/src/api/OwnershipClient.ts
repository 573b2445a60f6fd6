import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EntityOwnershipResponse,
  GroupResponsibilitiesResponse,
} from './types';
import { CoverageResponse } from './coverageTypes';
import { LookupResponse } from './lookupTypes';
import { TopologyResponse } from './topologyTypes';

/**
 * Options of every request; backend callers pass a token, frontends rely on
 * their `fetchApi` to add one.
 *
 * @public
 */
export interface OwnershipRequestOptions {
  token?: string;
}

/**
 * The ownership API (`/api/ownership`), described in the ownership backend's
 * `src/schema/openapi.yaml`.
 *
 * @public
 */
export interface OwnershipApi {
  getEntityOwnership(
    entityRef: string | CompoundEntityRef,
    options?: OwnershipRequestOptions,
  ): Promise<EntityOwnershipResponse>;
  getGroupResponsibilities(
    groupRef: string | CompoundEntityRef,
    request?: { includeSubTeams?: boolean },
    options?: OwnershipRequestOptions,
  ): Promise<GroupResponsibilitiesResponse>;
  lookup(
    query: string,
    options?: OwnershipRequestOptions,
  ): Promise<LookupResponse>;
  getCoverage(options?: OwnershipRequestOptions): Promise<CoverageResponse>;
  getTopology(options?: OwnershipRequestOptions): Promise<TopologyResponse>;
}

/**
 * A typed client of the ownership API, usable from frontends (with
 * `discoveryApi` and `fetchApi`) and backends (with `discovery` and a token).
 *
 * @public
 */
export class OwnershipClient implements OwnershipApi {
  readonly #discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  readonly #fetchApi: { fetch: typeof fetch };

  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    fetchApi?: { fetch: typeof fetch };
  }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi ?? { fetch: (...a) => fetch(...a) };
  }

  async getEntityOwnership(
    entityRef: string | CompoundEntityRef,
    options?: OwnershipRequestOptions,
  ): Promise<EntityOwnershipResponse> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return this.#get(
      `/v1/entities/${encode(kind)}/${encode(namespace)}/${encode(name)}`,
      options,
    );
  }

  async getGroupResponsibilities(
    groupRef: string | CompoundEntityRef,
    request?: { includeSubTeams?: boolean },
    options?: OwnershipRequestOptions,
  ): Promise<GroupResponsibilitiesResponse> {
    const { namespace, name } = parseEntityRef(groupRef, {
      defaultKind: 'group',
    });
    const query =
      request?.includeSubTeams === undefined
        ? ''
        : `?includeSubTeams=${request.includeSubTeams}`;
    return this.#get(
      `/v1/groups/${encode(namespace)}/${encode(
        name,
      )}/responsibilities${query}`,
      options,
    );
  }

  async lookup(
    query: string,
    options?: OwnershipRequestOptions,
  ): Promise<LookupResponse> {
    return this.#get(`/v1/lookup?q=${encode(query)}`, options);
  }

  async getCoverage(
    options?: OwnershipRequestOptions,
  ): Promise<CoverageResponse> {
    return this.#get('/v1/coverage', options);
  }

  async getTopology(
    options?: OwnershipRequestOptions,
  ): Promise<TopologyResponse> {
    return this.#get('/v1/topology', options);
  }

  async #get<T>(path: string, options?: OwnershipRequestOptions): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('ownership');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, {
      headers: options?.token
        ? { Authorization: `Bearer ${options.token}` }
        : undefined,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function encode(value: string): string {
  return encodeURIComponent(value);
}
