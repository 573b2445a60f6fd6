import {
  createMockDirectory,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { fakeDateOnly } from '@triad/test-utils';
import { builtinSloYaml } from '../__testUtils__/builtinSloYaml';
import { sloApiRequests } from '../__testUtils__/sloApiRequests';
import { startDependencyTestBackend } from '../__testUtils__/startDependencyTestBackend';

const MINUTE = 60_000;
const NOW = new Date('2026-12-01T12:00:00Z');
// Every SLO has a rolling 1-day window: it starts at NOW − 1,440 minutes and
// is read in ceil(1,440 / 200) = 8-minute buckets, bucket k holding
// minutes 8k to 8k + 7 after the start.
const START = NOW.getTime() - 1440 * MINUTE;

// front → svc → db and → cluster (platform-team's; sre-core holds the db's
// sre role); svc → secret-api, which the user may not read.
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
metadata: { name: front }
spec: { type: website, lifecycle: production, owner: team-s, dependsOn: [component:svc] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: svc }
spec:
  type: service
  lifecycle: production
  owner: team-s
  dependsOn: [resource:db, resource:cluster, component:secret-api]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: secret-api
  labels: { triad.test/hidden: "true" }
spec: { type: service, lifecycle: production, owner: team-s }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: lonely }
spec: { type: service, lifecycle: production, owner: team-s, dependsOn: [resource:db] }
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: db }
spec:
  type: database
  owner: platform-team
  responsibilities: [{ role: sre, ref: group:sre-core }]
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata: { name: cluster }
spec: { type: kubernetes-cluster, owner: platform-team }
`;

const slo = (name: string, service: string, target: number) =>
  builtinSloYaml({ name, service, target, window: '1d' });

const slosFile = [
  slo('front', 'front', 0.99),
  slo('svc', 'svc', 0.999),
  slo('db', 'resource:db', 0.999),
  slo('cluster', 'resource:cluster', 0.999),
  slo('secret', 'secret-api', 0.9),
  // Measured by a source no module serves: no counts to attribute.
  slo('lonely', 'lonely', 0.99).replace(/type: builtin/g, 'type: nowhere'),
].join('');

describe('burn attribution over HTTP, from a real catalog and built-in samples', () => {
  let backend: TestBackend | undefined;
  afterAll(() => backend?.stop());
  afterEach(() => jest.useRealTimers());
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const dir = createMockDirectory();

  const api = sloApiRequests(() => backend!.server);
  const get = (path: string) => api.get(path);
  /** Pushes `bad` of `total` requests at `minute` after the window's start. */
  const ingest = (series: string, minute: number, total: number, bad: number) =>
    api.push({
      series,
      timestamp: START + minute * MINUTE,
      good: total - bad,
      total,
    });

  beforeAll(async () => {
    dir.setContent({ 'catalog.yaml': catalogFile, 'slos.yaml': slosFile });
    backend = await startDependencyTestBackend({
      catalogFiles: [dir.resolve('catalog.yaml'), dir.resolve('slos.yaml')],
      databases,
      sloCount: 6,
    });
    fakeDateOnly(NOW);
    // The incident: the db loses 100 of 1,000 requests in bucket 100
    // (minute 800): 0.1 / 0.001 = 100×. At minute 1,200 (bucket 150) it
    // loses 1 of 1,000: exactly 1×, not faster. The cluster loses 50 of
    // 1,000 in bucket 120 (minute 960): 50×.
    await ingest('db', 800, 1000, 100);
    await ingest('db', 1200, 1000, 1);
    await ingest('cluster', 960, 1000, 50);
    // svc burns 40 (bucket 50), 30 (bucket 100), 10 (bucket 120) and 20
    // (bucket 150): 100 bad requests in all.
    await ingest('svc', 400, 1000, 40);
    await ingest('svc', 804, 1000, 30);
    await ingest('svc', 961, 1000, 10);
    await ingest('svc', 1200, 1000, 20);
    // front burns 5 in bucket 100 (minute 807) and 5 in bucket 125: 10.
    await ingest('front', 807, 100, 5);
    await ingest('front', 1000, 100, 5);
    // Unread by the user: the secret api burns in every bucket svc does.
    for (const minute of [400, 804, 961, 1200]) {
      await ingest('secret', minute, 10, 10);
    }
  });

  it("puts the share of svc's burn that coincided with the incident on the db", async () => {
    fakeDateOnly(NOW);
    const res = await get('/v1/slos/default/svc-availability/burn-attribution');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      slo: { ref: 'slo:default/svc-availability', target: 0.999 },
      entityRef: 'component:default/svc',
      kind: 'availability',
      from: new Date(START).toISOString(),
      to: NOW.toISOString(),
      stepMs: 8 * MINUTE,
      burned: 100,
      hiddenDependencies: 1,
    });
    // db: only bucket 100 burned faster than 1× → 30 / 100 = 0.3.
    // cluster: bucket 120 → 10 / 100 = 0.1. Largest share first.
    expect(
      res.body.dependencies.map((d: any) => [
        d.ref,
        d.share,
        d.burned,
        d.buckets,
        d.owner,
      ]),
    ).toEqual([
      ['resource:default/db', 0.3, 30, 1, 'group:default/platform-team'],
      ['resource:default/cluster', 0.1, 10, 1, 'group:default/platform-team'],
    ]);
    expect(res.body.dependencies[0].path).toEqual([
      'component:default/svc',
      'resource:default/db',
    ]);
    expect(res.body.dependencies[0].holders).toEqual([
      { role: 'sre', ref: 'group:default/sre-core' },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/secret/);
  });

  it("lists the dependents that burned while the platform team's SLOs did", async () => {
    fakeDateOnly(NOW);
    const res = await get('/v1/groups/default/platform-team/burn-dependents');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      groupRef: 'group:default/platform-team',
      truncated: false,
    });
    const rows = res.body.slos.map((s: any) => [
      s.slo.ref,
      s.entityRef,
      s.buckets,
      s.dependents.map((d: any) => [
        d.entityRef,
        d.share,
        d.burned,
        d.path.length,
      ]),
    ]);
    expect(rows).toEqual([
      // While the cluster burned (bucket 120): svc's 10 of 100 → 0.1; front
      // burned nothing there, so it is not listed.
      [
        'slo:default/cluster-availability',
        'resource:default/cluster',
        1,
        [['component:default/svc', 0.1, 10, 2]],
      ],
      // While the db burned (bucket 100): front's 5 of 10 → 0.5 (through
      // svc), svc's 30 of 100 → 0.3. Its 1× bucket does not count.
      [
        'slo:default/db-availability',
        'resource:default/db',
        1,
        [
          ['component:default/front', 0.5, 5, 3],
          ['component:default/svc', 0.3, 30, 2],
        ],
      ],
    ]);
    // The team that holds the db's sre role sees the db's dependents too.
    const sre = await get('/v1/groups/default/sre-core/burn-dependents');
    expect(sre.body.slos.map((s: any) => s.slo.ref)).toEqual([
      'slo:default/db-availability',
    ]);
  });

  it("says why nothing is attributed when the SLO's own counts cannot be read", async () => {
    fakeDateOnly(NOW);
    const res = await get(
      '/v1/slos/default/lonely-availability/burn-attribution',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      slo: { ref: 'slo:default/lonely-availability', target: 0.99 },
      dependencies: [],
    });
    expect(res.body.problem).toMatch(/could not be read/);
    expect(res.body).not.toHaveProperty('burned');
  });

  it('answers 404 for an unknown or hidden SLO or group, 400 for bad parameters', async () => {
    expect(
      (await get('/v1/slos/default/nothing/burn-attribution')).status,
    ).toBe(404);
    expect(
      (await get('/v1/slos/default/secret-availability/burn-attribution'))
        .status,
    ).toBe(404);
    expect(
      (await get('/v1/groups/default/nobody/burn-dependents')).status,
    ).toBe(404);
    // svc is a component: no group of that name.
    expect((await get('/v1/groups/default/svc/burn-dependents')).status).toBe(
      404,
    );
    const badKind = await get(
      '/v1/groups/default/sre-core/burn-dependents?sloKind=A%20B',
    );
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.message).toMatch(/^sloKind: /);
  });
});
