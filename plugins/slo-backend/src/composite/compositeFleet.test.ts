import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { fakeDateOnly, poll, schedulerProbe } from '@triad/test-utils';
import {
  builtinSloYaml,
  compositeSloYaml,
} from '../__testUtils__/builtinSloYaml';
import request from 'supertest';
import { sloApiRequests } from '../__testUtils__/sloApiRequests';
import {
  hiddenEntityPermissions,
  sqliteDatabasePerPlugin,
  startSloTestBackend,
} from '../__testUtils__/startSloTestBackend';

const MINUTE = 60_000;
const NOW = new Date('2026-12-01T12:00:00Z');

const catalogFile = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-f }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: sys-f }
spec: { owner: team-f }
${['api', 'ledger', 'search']
  .map(
    c => `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: svc-${c} }
spec: { type: service, lifecycle: production, owner: team-f, system: sys-f }
`,
  )
  .join('')}`;

const part = (name: string, target: number) =>
  builtinSloYaml({ name, service: `svc-${name}`, target });
const composite = (name: string, parts: string) =>
  compositeSloYaml(name, 'system:sys-f', parts);

const slosFile = [
  part('api', 0.99),
  part('ledger', 0.999),
  part('search', 0.99),
  composite(
    'payments',
    `
    - { sloRef: api-availability, compositeWeight: 3 }
    - { sloRef: ledger-availability }`,
  ),
  // A composite of a composite: worked out from the one above.
  composite(
    'shop',
    `
    - { sloRef: payments }
    - { sloRef: search-availability }`,
  ),
].join('');

const probe = schedulerProbe('slo');

describe('composite SLOs in the fleet', () => {
  let backend: TestBackend | undefined;
  afterAll(() => backend?.stop());
  afterEach(() => jest.useRealTimers());
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const dir = createMockDirectory();
  const service = mockCredentials.service.header();

  const api = sloApiRequests(() => backend!.server);
  const get = api.get;
  /** `bad` failed requests among 10,000, `at` minutes before NOW. */
  const ingest = (series: string, bad: number, at = 1) =>
    api.push({
      series,
      timestamp: NOW.getTime() - at * MINUTE,
      good: 10_000 - bad,
      total: 10_000,
    });

  beforeAll(async () => {
    dir.setContent({ 'catalog.yaml': catalogFile, 'slos.yaml': slosFile });
    backend = await startSloTestBackend({
      catalogFiles: [dir.resolve('catalog.yaml'), dir.resolve('slos.yaml')],
      kinds: ['Component', 'System', 'Group', 'SLO'],
      features: [
        sqliteDatabasePerPlugin(databases),
        hiddenEntityPermissions().factory,
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        probe.module,
      ],
    });
    // A watchdog for booting a real catalog, not a measure of speed.
    await poll('the catalog to hold every SLO', async () => {
      const res = await request(backend!.server)
        .get('/api/catalog/entities/by-query?filter=kind=slo&limit=50')
        .set('Authorization', service);
      return res.body?.items?.length === 5 ? true : undefined;
    });
  });

  it('lists each composite with its budget, worked out from its parts in the same run', async () => {
    fakeDateOnly(NOW);
    // api: 20 bad of 10,000 = 0.2 % against a 1 % budget → 0.2 consumed.
    // ledger: 6 bad of 10,000 = 0.06 % against 0.1 % → 0.6 consumed.
    // search: 90 bad of 10,000 = 0.9 % against 1 % → 0.9 consumed.
    await ingest('api', 20);
    await ingest('ledger', 6);
    await ingest('search', 90);
    await probe.scheduler.triggerTask('slo-evaluate-all');
    const res = await poll('the fleet', async () => {
      const answer = await get('/v1/slos?limit=50');
      return answer.status === 200 ? answer : undefined;
    });
    expect(res.body.totalItems).toBe(5);
    const bySlo = new Map(
      res.body.items.map((i: { name: string }) => [i.name, i]),
    );
    // payments: weights 3 and 1 → (3 × 0.2 + 1 × 0.6) / 4 = 0.3 consumed.
    const payments = bySlo.get('payments') as any;
    expect(payments).toMatchObject({
      ref: 'slo:default/payments',
      title: 'payments journey',
      serviceRef: 'system:default/sys-f',
      ownerRef: 'group:default/team-f',
      status: 'healthy',
      objectives: [],
      composite: { parts: 2 },
    });
    expect(payments.composite.consumed).toBeCloseTo(0.3, 12);
    expect(payments.composite.remaining).toBeCloseTo(0.7, 12);
    // shop: payments 0.3 and search 0.9, weight 1 each → 0.6 consumed.
    const shop = bySlo.get('shop') as any;
    expect(shop.composite).toEqual({
      parts: 2,
      consumed: expect.closeTo(0.6, 12),
      remaining: expect.closeTo(0.4, 12),
    });
    // Least budget left first: search 0.1; then ledger and shop at 0.4
    // each (their order rests on floating point); then payments 0.7, api 0.8.
    const order = res.body.items.map((i: { name: string }) => i.name);
    expect(order[0]).toBe('search-availability');
    expect(order.slice(3)).toEqual(['payments', 'api-availability']);
    // The composites count in the fleet's totals like any SLO.
    expect(res.body.counts).toMatchObject({ healthy: 4, warning: 1 });
    // The parts are counted, not named, in the fleet.
    expect(JSON.stringify(payments)).not.toContain('ledger');
  });

  it('filters composites by their system and status like other SLOs', async () => {
    fakeDateOnly(NOW);
    const res = await get(
      '/v1/slos?system=system:default/sys-f&status=healthy',
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { name: string }) => i.name).sort()).toEqual([
      'api-availability',
      'ledger-availability',
      'payments',
      'shop',
    ]);
  });

  it('moves at the next run as the formula says when a part changes', async () => {
    fakeDateOnly(NOW);
    // The ledger has a bad minute: 26 bad of 10,000 more → 32 of 20,000 =
    // 0.16 % against 0.1 % → 1.6 consumed.
    await ingest('ledger', 26, 2);
    await probe.scheduler.triggerTask('slo-evaluate-all');
    const composites = await poll('the next run', async () => {
      const res = await get('/v1/slos?text=journey');
      const payments = res.body.items?.find(
        (i: { name: string }) => i.name === 'payments',
      );
      return payments?.composite.consumed > 0.5 ? res.body.items : undefined;
    });
    const byName = new Map(
      composites.map((i: any) => [i.name, i.composite]),
    ) as Map<string, { consumed: number; remaining: number }>;
    // payments: (3 × 0.2 + 1 × 1.6) / 4 = 0.55, up by (1.6 − 0.6) / 4.
    expect(byName.get('payments')!.consumed).toBeCloseTo(0.55, 12);
    expect(byName.get('payments')!.remaining).toBeCloseTo(0.45, 12);
    // shop: (0.55 + 0.9) / 2 = 0.725, from the nested composite's new figure.
    expect(byName.get('shop')!.consumed).toBeCloseTo(0.725, 12);
  });
});
