import { ResponseError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  EntitySlosResponse,
  IngestResponse,
  PolicyDecision,
  SloHistoryResponse,
  SloFleetFilter,
  SloListQuery,
  SloListResponse,
  SloRollUpsResponse,
  SloResult,
  SloSample,
  SloTimelineResponse,
} from './types';
import {
  SloEvent,
  SloEventInput,
  SloEventsQuery,
  SloEventsResponse,
} from './eventTypes';
import { CompositeSloResult } from './compositeTypes';
import { DependencyCeilingResponse } from './dependencyCeilingTypes';
import {
  BurnAttributionResponse,
  BurnDependentsResponse,
} from './burnAttributionTypes';

/** `?a=1&b=2` of the defined values, or nothing. */
function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** The subset of Backstage's DiscoveryApi the client needs. */
export interface SloClientDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** The subset of Backstage's FetchApi the client needs. */
export interface SloClientFetch {
  fetch: typeof fetch;
}

/** Per-request options: a token for callers outside Backstage's fetchApi. */
export interface SloRequestOptions {
  token?: string;
}

function entityPath(entityRef: string): string {
  const match = /^([^:]+):(?:([^/]+)\/)?(.+)$/.exec(entityRef);
  if (!match) throw new TypeError(`"${entityRef}" is not an entity reference`);
  const [, kind, namespace = 'default', name] = match;
  return [kind, namespace, name].map(encodeURIComponent).join('/');
}

/**
 * Typed client of the SLO backend (`/api/slo`), for frontends, the CLI and
 * other backends. Errors come back as `ResponseError` with the backend's message.
 */
export class SloClient {
  private readonly discoveryApi: SloClientDiscovery;
  private readonly fetchApi: SloClientFetch;

  constructor(options: {
    discoveryApi: SloClientDiscovery;
    fetchApi?: SloClientFetch;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (...args) => fetch(...args) };
  }

  private async request<T>(
    path: string,
    init: RequestInit = {},
    options?: SloRequestOptions,
  ): Promise<T> {
    const base = await this.discoveryApi.getBaseUrl('slo');
    const headers = new Headers(init.headers);
    if (options?.token) headers.set('Authorization', `Bearer ${options.token}`);
    const response = await this.fetchApi.fetch(`${base}${path}`, {
      ...init,
      headers,
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }

  /** Evaluations of every SLO that measures the entity. */
  getEntitySlos(
    entityRef: string,
    options?: SloRequestOptions,
  ): Promise<EntitySlosResponse> {
    return this.request(
      `/v1/entities/${entityPath(entityRef)}/slos`,
      {},
      options,
    );
  }

  /** One page of the fleet, from the latest snapshots. */
  listSlos(
    query: SloListQuery = {},
    options?: SloRequestOptions,
  ): Promise<SloListResponse> {
    return this.request(`/v1/slos${queryString(query)}`, {}, options);
  }

  /** The fleet (or its filtered part) rolled up by owner or by system. */
  getRollUps(
    by: SloRollUpsResponse['by'],
    filter: SloFleetFilter = {},
    options?: SloRequestOptions,
  ): Promise<SloRollUpsResponse> {
    return this.request(
      `/v1/slos/rollups${queryString({ by, ...filter })}`,
      {},
      options,
    );
  }

  /** One SLO. */
  getSlo(
    namespace: string,
    name: string,
    options?: SloRequestOptions,
  ): Promise<SloResult> {
    return this.request(
      `/v1/slos/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
      {},
      options,
    );
  }

  /** A composite SLO evaluated from its parts. */
  getCompositeSlo(
    namespace: string,
    name: string,
    options?: SloRequestOptions,
  ): Promise<CompositeSloResult> {
    return this.request(
      `/v1/slos/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}/composite`,
      {},
      options,
    );
  }

  /** SLI and remaining budget over time. */
  getSloHistory(
    namespace: string,
    name: string,
    range: { from?: Date; to?: Date } = {},
    options?: SloRequestOptions,
  ): Promise<SloHistoryResponse> {
    const params = new URLSearchParams();
    if (range.from) params.set('from', range.from.toISOString());
    if (range.to) params.set('to', range.to.toISOString());
    const qs = params.toString();
    return this.request(
      `/v1/slos/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}/history${qs ? `?${qs}` : ''}`,
      {},
      options,
    );
  }

  /** Cumulative SLI and budget over the SLO's current period, for charts. */
  getSloTimeline(
    namespace: string,
    name: string,
    options?: SloRequestOptions,
  ): Promise<SloTimelineResponse> {
    return this.request(
      `/v1/slos/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}/timeline`,
      {},
      options,
    );
  }

  /** The error-budget policy decision for an entity. */
  getPolicy(
    entityRef: string,
    options?: SloRequestOptions,
  ): Promise<PolicyDecision> {
    return this.request(
      `/v1/entities/${entityPath(entityRef)}/policy`,
      {},
      options,
    );
  }

  /** The availability the entity's dependencies allow, with each dependency. */
  getDependencyCeiling(
    entityRef: string,
    options?: SloRequestOptions,
  ): Promise<DependencyCeilingResponse> {
    return this.request(
      `/v1/entities/${entityPath(entityRef)}/dependency-ceiling`,
      {},
      options,
    );
  }

  /**
   * The share of the SLO's burned budget that coincided with each
   * dependency's own burn over the SLO's current window.
   */
  getBurnAttribution(
    namespace: string,
    name: string,
    options?: SloRequestOptions,
  ): Promise<BurnAttributionResponse> {
    return this.request(
      `/v1/slos/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}/burn-attribution`,
      {},
      options,
    );
  }

  /**
   * For a team: its entities' SLOs and the dependent services whose budgets
   * burned while those SLOs burned.
   */
  getBurnDependents(
    groupRef: string,
    options?: SloRequestOptions,
  ): Promise<BurnDependentsResponse> {
    const { namespace, name } = parseEntityRef(groupRef, {
      defaultKind: 'group',
    });
    return this.request(
      `/v1/groups/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}/burn-dependents`,
      {},
      options,
    );
  }

  /** Pushes samples to the built-in store (idempotent per series and minute). */
  pushSamples(
    samples: SloSample[],
    options?: SloRequestOptions,
  ): Promise<IngestResponse> {
    return this.request(
      '/v1/samples',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ samples }),
      },
      options,
    );
  }

  /**
   * Records a deploy, incident or maintenance event; the same id for the
   * same entity replaces the event.
   */
  recordEvent(
    event: SloEventInput,
    options?: SloRequestOptions,
  ): Promise<SloEvent> {
    return this.request(
      '/v1/events',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(event),
      },
      options,
    );
  }

  /** Events of an entity in a time range, for chart markers. */
  listEvents(
    query: SloEventsQuery,
    options?: SloRequestOptions,
  ): Promise<SloEventsResponse> {
    const params = new URLSearchParams({ entityRef: query.entityRef });
    if (query.from) params.set('from', query.from.toISOString());
    if (query.to) params.set('to', query.to.toISOString());
    return this.request(`/v1/events?${params}`, {}, options);
  }
}
