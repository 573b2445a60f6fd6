import {
  createMockDirectory,
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { fakeDateOnly } from '@triad/test-utils';
import { builtinSloYaml } from '../__testUtils__/builtinSloYaml';
import { sloApiRequests } from '../__testUtils__/sloApiRequests';
import { startDependencyTestBackend } from '../__testUtils__/startDependencyTestBackend';

const MINUTE = 60_000;
const NOW = new Date('2026-12-01T12:00:00Z');

// svc → db (99.95 %) → cluster (99.9 %) → db (a cycle); svc → cluster too;
// svc → cache (99 %), soft by svc's annotation; svc → secret-api, which the
// user may not read, → vault (90 %), reached only through it.
const catalogFile = `${['team-s', 'platform-team', 'sre-core']
  .map(
    g => `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: ${g} }
spec: { type: team, children: [] }
---`,
  )
  .join('')}
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc
  annotations: { triad.dev/soft-dependencies: resource:cache }
spec:
  type: service
  lifecycle: production
  owner: team-s
  dependsOn: [resource:db, resource:cluster, resource:cache, component:secret-api]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: secret-api
  labels: { triad.test/hidden: "true" }
spec: { type: service, lifecycle: production, owner: team-s, dependsOn: [resource:vault] }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: db }
spec:
  type: database
  owner: platform-team
  dependsOn: [resource:cluster]
  responsibilities:
    - { role: sre, ref: group:sre-core }
    - { role: platform, ref: group:platform-team }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: cluster }
spec: { type: kubernetes-cluster, owner: platform-team, dependsOn: [resource:db] }
${['cache', 'vault']
  .map(
    r => `---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: ${r} }
spec: { type: cache, owner: platform-team }
`,
  )
  .join('')}`;

const slo = (name: string, service: string, target: number) =>
  builtinSloYaml({ name, service, target, displayName: name });

const slosFile = [
  slo('svc', 'svc', 0.999),
  slo('db', 'resource:db', 0.9995),
  slo('cluster', 'resource:cluster', 0.999),
  slo('cache', 'resource:cache', 0.99),
  slo('secret', 'secret-api', 0.9),
  slo('vault', 'resource:vault', 0.9),
  // A latency SLO of the db: another kind, not in the availability ceiling.
  `
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: db-latency
  annotations: { triad.dev/slo-kind: latency }
spec:
  service: resource:db
  indicator:
    metadata: { name: db-fast }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: builtin, spec: { series: db-fast } } }
        total: { metricSource: { type: builtin, spec: { series: db-fast } } }
  timeWindow: [{ duration: 7d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.5 }]
`,
].join('');

describe('the dependency ceiling over HTTP, from a real catalog', () => {
  let backend: TestBackend | undefined;
  afterAll(() => backend?.stop());
  afterEach(() => jest.useRealTimers());
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const dir = createMockDirectory();
  const service = mockCredentials.service.header();

  const api = sloApiRequests(() => backend!.server);
  const get = api.get;
  const ingest = (series: string, total: number, bad: number) =>
    api.push({
      series,
      timestamp: NOW.getTime() - MINUTE,
      good: total - bad,
      total,
    });

  beforeAll(async () => {
    dir.setContent({ 'catalog.yaml': catalogFile, 'slos.yaml': slosFile });
    backend = await startDependencyTestBackend({
      catalogFiles: [dir.resolve('catalog.yaml'), dir.resolve('slos.yaml')],
      databases,
      sloCount: 7,
    });
  });

  it('multiplies the hard dependencies, lists the soft one, and leaves out the hidden one', async () => {
    fakeDateOnly(NOW);
    // db: 1 bad of 10,000 → 0.9999; cluster: 20 of 10,000 → 0.998; the
    // cache's 0.9 would halve nothing: it is soft.
    await ingest('db', 10_000, 1);
    await ingest('cluster', 10_000, 20);
    await ingest('cache', 10_000, 1_000);
    await ingest('svc', 10_000, 5);
    const res = await get(
      '/v1/entities/component/default/svc/dependency-ceiling',
    );
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({
      entityRef: 'component:default/svc',
      kind: 'availability',
      slos: [{ ref: 'slo:default/svc-availability', target: 0.999 }],
      hiddenDependencies: 1,
    });
    // 0.9995 × 0.999 = 0.9985005: the service's 0.999 is above it.
    expect(body.targetCeiling).toBeCloseTo(0.9985005, 15);
    // 0.9999 × 0.998 = 0.9979002.
    expect(body.measuredCeiling).toBeCloseTo(0.9979002, 12);
    expect(
      body.dependencies.map((d: any) => [
        d.ref,
        d.path.join(' → '),
        d.soft,
        d.slos.map((s: any) => [s.ref, s.target]),
        d.owner,
      ]),
    ).toEqual([
      [
        'resource:default/cluster',
        'component:default/svc → resource:default/cluster',
        false,
        [['slo:default/cluster-availability', 0.999]],
        'group:default/platform-team',
      ],
      [
        'resource:default/db',
        'component:default/svc → resource:default/db',
        false,
        [['slo:default/db-availability', 0.9995]],
        'group:default/platform-team',
      ],
      [
        'resource:default/cache',
        'component:default/svc → resource:default/cache',
        true,
        [['slo:default/cache-availability', 0.99]],
        'group:default/platform-team',
      ],
    ]);
    expect(body.dependencies[1].holders).toEqual(
      expect.arrayContaining([
        { role: 'sre', ref: 'group:default/sre-core' },
        { role: 'platform', ref: 'group:default/platform-team' },
      ]),
    );
    // Neither the hidden api nor the vault behind it shows or counts.
    expect(JSON.stringify(body)).not.toMatch(/secret|vault/);
  });

  it('counts what a service may read behind the hidden dependency', async () => {
    fakeDateOnly(new Date(NOW.getTime() + 1001));
    const res = await get(
      '/v1/entities/component/default/svc/dependency-ceiling',
      service,
    );
    expect(res.body.hiddenDependencies).toBe(0);
    // Hard dependencies first, nearest first, then by ref.
    expect(res.body.dependencies.map((d: any) => d.ref)).toEqual([
      'component:default/secret-api',
      'resource:default/cluster',
      'resource:default/db',
      'resource:default/vault',
      'resource:default/cache',
    ]);
    // The vault (0.9) and the secret api (0.9) multiply in:
    // 0.9985005 × 0.9 × 0.9 = 0.808785405.
    expect(res.body.targetCeiling).toBeCloseTo(0.808785405, 12);
    expect(
      res.body.dependencies.find((d: any) => d.ref === 'resource:default/vault')
        .path,
    ).toEqual([
      'component:default/svc',
      'component:default/secret-api',
      'resource:default/vault',
    ]);
  });

  it('ends at a cycle and compares SLOs of the kind asked for', async () => {
    const res = await get(
      '/v1/entities/resource/default/db/dependency-ceiling',
    );
    expect(res.status).toBe(200);
    // db → cluster → db: the cluster once; the db is the root, not a dependency.
    expect(res.body.dependencies.map((d: any) => d.ref)).toEqual([
      'resource:default/cluster',
    ]);
    expect(res.body.targetCeiling).toBe(0.999);
    const latency = await get(
      '/v1/entities/resource/default/db/dependency-ceiling?sloKind=latency',
    );
    expect(latency.body).toMatchObject({
      kind: 'latency',
      slos: [{ ref: 'slo:default/db-latency', target: 0.5 }],
      dependencies: [],
    });
    expect(latency.body).not.toHaveProperty('targetCeiling');
  });

  it('answers 404 for an unknown or hidden entity, 400 for bad parameters', async () => {
    const path = '/v1/entities/component/default';
    expect((await get(`${path}/nothing/dependency-ceiling`)).status).toBe(404);
    expect((await get(`${path}/secret-api/dependency-ceiling`)).status).toBe(
      404,
    );
    const badName = await get(`${path}/Not%20A%20Name/dependency-ceiling`);
    expect(badName.status).toBe(400);
    expect(badName.body.error.message).toMatch(/^name: /);
    const badKind = await get(`${path}/svc/dependency-ceiling?sloKind=A%20B`);
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.message).toMatch(/^sloKind: /);
  });
});
