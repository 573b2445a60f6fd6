import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { fakeDateOnly, poll } from '@triad/test-utils';
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
metadata: { name: team-p }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: sys-p }
spec: { owner: team-p }
${['api', 'ledger', 'secret']
  .map(
    c => `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc-${c}
  ${c === 'secret' ? 'labels: { triad.test/hidden: "true" }' : ''}
spec: { type: service, lifecycle: production, owner: team-p, system: sys-p }
`,
  )
  .join('')}`;

const part = (name: string, target: number) =>
  builtinSloYaml({ name, service: `svc-${name}`, target });
const composite = (name: string, parts: string) =>
  compositeSloYaml(name, 'system:sys-p', parts);

const slosFile = [
  part('api', 0.99),
  part('ledger', 0.999),
  part('secret', 0.99),
  composite(
    'sys-p-availability',
    `
    - { displayName: API, sloRef: api-availability, compositeWeight: 2 }
    - { displayName: Ledger, sloRef: ledger-availability }
    - { sloRef: secret-availability, compositeWeight: 1 }`,
  ),
  composite(
    'broken',
    '[{ sloRef: api-availability }, { sloRef: ghost }, { sloRef: loop }]',
  ),
  composite('loop', '[{ sloRef: broken }]'),
].join('');

describe('composite SLOs over HTTP, from a real catalog', () => {
  let backend: TestBackend | undefined;
  afterAll(() => backend?.stop());
  afterEach(() => jest.useRealTimers());
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const dir = createMockDirectory();
  const service = mockCredentials.service.header();

  const api = sloApiRequests(() => backend!.server);
  const get = api.get;
  /** `bad` failed requests among `total`, one minute each, ending a minute before NOW. */
  const ingest = (series: string, total: number, bad: number, at = 1) =>
    api.push({
      series,
      timestamp: NOW.getTime() - at * MINUTE,
      good: total - bad,
      total,
    });

  beforeAll(async () => {
    dir.setContent({ 'catalog.yaml': catalogFile, 'slos.yaml': slosFile });
    backend = await startSloTestBackend({
      catalogFiles: [dir.resolve('catalog.yaml'), dir.resolve('slos.yaml')],
      kinds: ['Component', 'System', 'Group', 'SLO'],
      config: { slo: { evaluation: { cacheTtl: '1s', timeout: '5s' } } },
      features: [
        sqliteDatabasePerPlugin(databases),
        hiddenEntityPermissions().factory,
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      ],
    });
    // A watchdog for booting a real catalog, not a measure of speed.
    await poll('the catalog to hold every SLO', async () => {
      const res = await request(backend!.server)
        .get('/api/catalog/entities/by-query?filter=kind=slo&limit=50')
        .set('Authorization', service);
      return res.body?.items?.length === 6 ? true : undefined;
    });
  });

  it('evaluates from its parts, and moves as the formula says when one part changes', async () => {
    fakeDateOnly(NOW);
    // api: 20 bad of 10,000 = 0.2 % against a 1 % budget → 0.2 consumed.
    // ledger: 6 bad of 10,000 = 0.06 % against 0.1 % → 0.6 consumed.
    // secret: 50 bad of 10,000 = 0.5 % against 1 % → 0.5 consumed.
    await ingest('api', 10_000, 20);
    await ingest('ledger', 10_000, 6);
    await ingest('secret', 10_000, 50);
    const first = await get(
      '/v1/slos/default/sys-p-availability/composite',
      service,
    );
    expect(first.status).toBe(200);
    // Weights 2, 1, 1 (Σ 4): contributions 2·0.2/4 = 0.1, 0.6/4 = 0.15,
    // 0.5/4 = 0.125; consumed 0.375, remaining 0.625.
    expect(first.body).toMatchObject({
      ref: 'slo:default/sys-p-availability',
      serviceRef: 'system:default/sys-p',
      status: 'healthy',
      problems: [],
    });
    expect(first.body.consumed).toBeCloseTo(0.375, 12);
    expect(first.body.remaining).toBeCloseTo(0.625, 12);
    expect(
      first.body.parts.map((p: any) => [
        p.ref,
        p.weight,
        p.weightShare,
        +p.consumed.toFixed(12),
        +p.contribution.toFixed(12),
      ]),
    ).toEqual([
      ['slo:default/api-availability', 2, 0.5, 0.2, 0.1],
      ['slo:default/ledger-availability', 1, 0.25, 0.6, 0.15],
      ['slo:default/secret-availability', 1, 0.25, 0.5, 0.125],
    ]);

    // The ledger has a bad minute: 26 more bad of 10,000 → 32 of 20,000 =
    // 0.16 % against 0.1 % → 1.6 consumed; its contribution 1.6/4 = 0.4.
    // Composite: 0.1 + 0.4 + 0.125 = 0.625, up by (1.6 − 0.6)/4 = 0.25.
    await ingest('ledger', 10_000, 26, 2);
    jest.setSystemTime(NOW.getTime() + 1001); // past the 1 s cache
    const second = await get(
      '/v1/slos/default/sys-p-availability/composite',
      service,
    );
    expect(second.body.parts[1].consumed).toBeCloseTo(1.6, 12);
    expect(second.body.parts[1].contribution).toBeCloseTo(0.4, 12);
    expect(second.body.parts[0].contribution).toBeCloseTo(0.1, 12);
    expect(second.body.consumed).toBeCloseTo(0.625, 12);
    expect(second.body.remaining).toBeCloseTo(0.375, 12);
  });

  it('counts a part the caller may not read without naming it', async () => {
    // The samples of the test above, still inside the 7-day window.
    fakeDateOnly(new Date(NOW.getTime() + 2002));
    const res = await get('/v1/slos/default/sys-p-availability/composite');
    expect(res.status).toBe(200);
    const hidden = res.body.parts[2];
    expect(hidden).not.toHaveProperty('ref');
    expect(hidden).not.toHaveProperty('title');
    expect(hidden).toMatchObject({ hidden: true, weight: 1 });
    expect(hidden.contribution).toBeCloseTo(0.125, 12);
    expect(res.body.parts[0].ref).toBe('slo:default/api-availability');
    expect(JSON.stringify(res.body)).not.toContain('secret');
  });

  it('reports unknown parts and cycles on their fields, with no figures', async () => {
    const res = await get('/v1/slos/default/broken/composite');
    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([
      { path: 'spec.objectives[1].sloRef', message: 'no SLO named "ghost"' },
      {
        path: 'spec.objectives[2].sloRef',
        message: 'leads back to this SLO: broken → loop → broken',
      },
    ]);
    expect(res.body.status).toBe('no-data');
    expect(res.body).not.toHaveProperty('consumed');
  });

  it("lists the system's composites apart from its evaluated SLOs", async () => {
    const res = await get('/v1/entities/system/default/sys-p/slos', service);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    // The three composites of the file above measure sys-p, sorted by ref.
    expect(res.body.composites.map((c: { ref: string }) => c.ref)).toEqual([
      'slo:default/broken',
      'slo:default/loop',
      'slo:default/sys-p-availability',
    ]);
    expect(res.body.composites[2]).toEqual({
      ref: 'slo:default/sys-p-availability',
      namespace: 'default',
      name: 'sys-p-availability',
      title: 'sys-p-availability journey',
    });
    const plain = await get('/v1/entities/component/default/svc-a/slos');
    expect(plain.body).not.toHaveProperty('composites');
  });

  it('answers 404 for an unknown SLO, 400 for a plain one or a bad name', async () => {
    expect((await get('/v1/slos/default/nothing/composite')).status).toBe(404);
    const plain = await get('/v1/slos/default/api-availability/composite');
    expect(plain.status).toBe(400);
    expect(plain.body.error.message).toMatch(/is not a composite SLO/);
    const asPlain = await get('/v1/slos/default/sys-p-availability');
    expect(asPlain.status).toBe(400);
    expect(asPlain.body.error.message).toMatch(/is a composite SLO/);
    const bad = await get('/v1/slos/default/Not%20A%20Name/composite');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^name: /);
  });
});
