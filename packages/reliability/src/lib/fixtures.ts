import { randomBytes } from 'crypto';
import { writeFile } from 'fs/promises';
import { join } from 'path';

/** Names that only the service token may see (labelled hidden). */
export const HIDDEN_NAMES = ['svc-hidden', 'slo-hidden', 'team-hidden'];

/** A static external-access token for the suite's own calls (a service principal). */
export function newToken(): string {
  return randomBytes(24).toString('hex');
}

const slo = (options: {
  name: string;
  service: string;
  window: string;
  good: string;
  total: string;
  labels?: string;
}) => `---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${options.name}
  ${options.labels ?? ''}
spec:
  service: ${options.service}
  indicator:
    metadata: { name: ${options.name}-sli }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: ${options.good} }
        total: { metricSource: ${options.total} }
  timeWindow: [{ duration: ${options.window}, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ displayName: requests, target: 0.99 }]
`;

const builtin = (series: string) =>
  `{ type: builtin, spec: { series: ${series} } }`;
const prometheus = (query: string) =>
  `{ metricSourceRef: prometheus, spec: { query: '${query}' } }`;

/**
 * The catalog every backend of the suite loads: a small organisation with
 * one visible team, a platform team, and a component, SLO and team hidden
 * from users by label; SLOs on Prometheus and on the built-in store.
 */
export const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-a, title: Team A }
spec:
  type: team
  children: []
  topology:
    type: stream-aligned
    disciplines: [devops]
    interactions:
      - { with: group:team-platform, mode: x-as-a-service }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-platform, title: Platform }
spec:
  type: team
  children: []
  topology: { type: platform, disciplines: [platform, sre] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-hidden
  title: Hidden team
  labels: { triad.test/hidden: "true" }
spec:
  type: team
  children: []
  topology:
    type: enabling
    disciplines: [sre]
    interactions:
      - { with: group:team-platform, mode: facilitating }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: alice }
spec: { profile: { displayName: Alice }, memberOf: [team-a] }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: sys-a }
spec: { owner: team-a }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: db-a }
spec: { type: database, owner: team-platform }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: svc-prom }
spec:
  type: service
  lifecycle: production
  owner: team-a
  system: sys-a
  dependsOn: [resource:db-a]
  responsibilities: [{ role: sre, ref: group:team-platform }]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: svc-builtin }
spec: { type: service, lifecycle: production, owner: team-a, system: sys-a }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc-hidden
  labels: { triad.test/hidden: "true" }
spec:
  type: service
  lifecycle: production
  owner: team-a
  dependsOn: [resource:db-a]
  responsibilities: [{ role: sre, ref: group:team-hidden }]
${slo({
  name: 'slo-prom',
  service: 'svc-prom',
  window: '1d',
  good: prometheus('triad_requests_total{service="steady",code="200"}'),
  total: prometheus('triad_requests_total{service="steady"}'),
})}${slo({
  name: 'slo-builtin',
  service: 'svc-builtin',
  window: '7d',
  good: builtin('builtin/requests'),
  total: builtin('builtin/requests'),
})}${slo({
  name: 'slo-crash',
  service: 'svc-builtin',
  window: '7d',
  good: builtin('crash/c0/0'),
  total: builtin('crash/c0/0'),
})}${slo({
  name: 'slo-hidden',
  service: 'svc-hidden',
  window: '7d',
  good: builtin('hidden/requests'),
  total: builtin('hidden/requests'),
})}`;

/** Settings that differ between the suite's backends. */
export interface BackendSettings {
  token: string;
  /** Folder for the catalog file. */
  dir: string;
  /** Database name prefix on the suite's PostgreSQL (`<prefix><pluginId>`). */
  databasePrefix: string;
  postgres: { host: string; port: number; user: string; password?: string };
  /** Redis connection and key namespace; in-memory cache when absent. */
  redis?: { url: string; namespace: string };
  prometheusUrl?: string;
  slo?: Record<string, unknown>;
  /** More catalog documents, appended to the fixture. */
  extraCatalog?: string;
  /** Where the backend's plugins reach the catalog (e.g. a fault proxy in front of it). */
  catalogUrl?: string;
}

/** Kinds the catalog of the fixture is made of. */
export const FIXTURE_KINDS = [
  'Component',
  'System',
  'Resource',
  'Group',
  'User',
  'Location',
  'SLO',
];

/** The `catalog` configuration that reads one file of `kinds`. */
export function catalogConfig(target: string, kinds = FIXTURE_KINDS) {
  return {
    rules: [{ allow: kinds }],
    locations: [{ type: 'file', target }],
  };
}

/** Writes the catalog and returns the configuration of one backend. */
export async function backendConfig(settings: BackendSettings) {
  const catalogFile = join(settings.dir, 'catalog.yaml');
  await writeFile(catalogFile, CATALOG + (settings.extraCatalog ?? ''));
  return {
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: backendSection(settings),
    auth: {
      environment: 'development',
      providers: {
        guest: {
          userEntityRef: 'user:default/alice',
          dangerouslyAllowOutsideDevelopment: true,
        },
      },
    },
    permission: { enabled: true },
    ...(settings.catalogUrl && {
      discovery: {
        endpoints: [
          {
            target: `${settings.catalogUrl}/api/{{pluginId}}`,
            plugins: ['catalog'],
          },
        ],
      },
    }),
    catalog: catalogConfig(catalogFile, [
      ...FIXTURE_KINDS,
      'SLI',
      'DataSource',
    ]),
    ownership: {
      index: {
        schedule: {
          frequency: { seconds: 2 },
          timeout: { seconds: 30 },
          initialDelay: { seconds: 0 },
        },
        events: { topics: [] },
      },
    },
    slo: {
      ...(settings.prometheusUrl && {
        dataSources: [
          {
            name: 'prometheus',
            type: 'prometheus',
            baseUrl: settings.prometheusUrl,
            timeout: '2s',
          },
        ],
      }),
      ...settings.slo,
    },
  };
}

/** `backend`: its database, cache and the suite's static token. */
function backendSection(settings: BackendSettings) {
  return {
    database: {
      client: 'pg',
      connection: settings.postgres,
      prefix: settings.databasePrefix,
    },
    cache: settings.redis
      ? {
          store: 'redis',
          connection: settings.redis.url,
          redis: { client: { namespace: settings.redis.namespace } },
        }
      : { store: 'memory' },
    auth: {
      externalAccess: [
        {
          type: 'static',
          options: { token: settings.token, subject: 'reliability-suite' },
        },
      ],
    },
  };
}
