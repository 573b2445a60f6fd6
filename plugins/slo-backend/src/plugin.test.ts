import {
  createBackendModule,
  createServiceFactory,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { RELATION_MEASURES } from '@triad/plugin-slo-common';
import { sloDataSourcesExtensionPoint } from '@triad/plugin-slo-node';
import request from 'supertest';
import { openApiContract } from './__testUtils__/openApiContract';
import {
  hiddenEntityPermissions,
  sqliteDatabasePerPlugin,
  startSloTestBackend,
} from './__testUtils__/startSloTestBackend';
import { sloPlugin } from './plugin';
import { fakeDateOnly, poll, schedulerProbe } from '@triad/test-utils';

const MINUTE = 60_000;
const DAY = 86_400_000;
const HOUR = 3_600_000;

// Entities: svc-a is visible, svc-hidden carries a label the permission policy
// below hides from users. The catalog applies that condition itself.
const catalogFile = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: dept }
spec: { type: department, children: [team-a] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-a }
spec: { type: team, parent: dept, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: sys-a }
spec: { owner: team-a }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: svc-a }
spec: { type: service, lifecycle: production, owner: team-a, system: sys-a }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc-b
  annotations:
    triad.dev/release-gate-policy: minRemainingBudget=5%, blockOnPageAlert=maybe
spec: { type: service, lifecycle: production, owner: team-a }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: svc-m }
spec: { type: service, lifecycle: production, owner: team-a }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc-hidden
  labels: { triad.test/hidden: "true" }
spec: { type: service, lifecycle: production, owner: team-a }
`;

const slo = (name: string, service: string, metricSource: string) => `
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: ${name} }
spec:
  service: ${service}
  indicator:
    metadata: { name: ${name}-sli }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: ${metricSource} }
        total: { metricSource: ${metricSource} }
  timeWindow: [{ duration: 7d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ displayName: requests, target: 0.99 }]
`;

const slosFile = [
  slo('slo-a', 'svc-a', '{ type: builtin, spec: { series: a } }'),
  slo('slo-flaky', 'svc-a', '{ type: flaky, spec: {} }'),
  slo('slo-nowhere', 'svc-b', '{ metricSourceRef: nowhere, spec: {} }'),
  slo('slo-hidden', 'svc-hidden', '{ type: builtin, spec: { series: a } }'),
  `
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: slo-month }
spec:
  service: svc-m
  indicator:
    metadata: { name: slo-month-sli }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: builtin, spec: { series: m } } }
        total: { metricSource: { type: builtin, spec: { series: m } } }
  timeWindow:
    - duration: 1M
      calendar: { startTime: '2026-01-01 00:00:00', timeZone: UTC }
  budgetingMethod: Occurrences
  objectives: [{ displayName: requests, target: 0.9995 }]
`,
].join('');

// A data source the test can make fail or hang.
let flakyMode: 'ok' | 'fail' | 'slow' = 'ok';
const flakyModule = createBackendModule({
  pluginId: 'slo',
  moduleId: 'flaky',
  register(env) {
    env.registerInit({
      deps: { dataSources: sloDataSourcesExtensionPoint },
      async init({ dataSources }) {
        dataSources.addDataSource({
          type: 'flaky',
          async measure({ signal }) {
            if (flakyMode === 'fail') throw new Error('connection refused');
            if (flakyMode === 'slow') {
              await new Promise(resolve =>
                signal.addEventListener('abort', resolve),
              );
            }
            return { periodErrorRatio: 0.001, windowErrorRatios: {} };
          },
        });
      },
    });
  },
});

const probe = schedulerProbe('slo');

let denyIngest = false;

describe('SLO backend over HTTP', () => {
  // The backend stops before its databases are destroyed; Backstage's default
  // in-memory SQLite is never closed and would hold the test worker open.
  let backend: TestBackend | undefined;
  afterAll(() => backend?.stop());
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const dir = createMockDirectory();
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  const user = mockCredentials.user.header();
  // Every answer of the backend is held to its OpenAPI document.
  const expectToMatchContract = openApiContract();
  const checked = async (
    method: string,
    path: string,
    pending: Promise<request.Response>,
  ) => {
    const res = await pending;
    expectToMatchContract(method, path, res.status, res.body);
    return res;
  };
  const get = (path: string, authorization = user) =>
    checked(
      'GET',
      path,
      request(server)
        .get(`/api/slo${path}`)
        .set('Authorization', authorization),
    );
  const post = (path: string, build: (r: request.Test) => request.Test) =>
    checked('POST', path, build(request(server).post(`/api/slo${path}`)));

  beforeAll(async () => {
    dir.setContent({ 'catalog.yaml': catalogFile, 'slos.yaml': slosFile });
    backend = await startSloTestBackend({
      catalogFiles: [dir.resolve('catalog.yaml'), dir.resolve('slos.yaml')],
      kinds: ['Component', 'System', 'Group', 'Location', 'SLO'],
      config: {
        slo: {
          evaluation: { cacheTtl: '1s', timeout: '1s' },
          policy: {
            teams: { 'group:default/team-a': { minRemainingBudget: 0.8 } },
          },
        },
      },
      features: [
        flakyModule,
        probe.module,
        sqliteDatabasePerPlugin(databases),
        hiddenEntityPermissions(() => denyIngest).factory,
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        // Unauthenticated requests stay unauthenticated (the mock default is a user).
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    server = backend.server;
    // Wait until the catalog has stitched the SLO relations.
    const measuredBy = async (name: string) => {
      const res = await request(server)
        .get(`/api/catalog/entities/by-name/component/default/${name}`)
        .set('Authorization', mockCredentials.service.header());
      return (res.body?.relations ?? []).filter(
        (r: any) => r.type === 'measuredBy',
      ).length;
    };
    await poll('the scheduled evaluation', async () =>
      (await measuredBy('svc-a')) === 2 && (await measuredBy('svc-m')) === 1
        ? true
        : undefined,
    );
    // A watchdog for booting a real catalog, not a measure of speed.
  });

  it('ingests samples and evaluates them into the numbers worked out by hand', async () => {
    // Three hours of 200 requests a minute: the first 90 minutes clean, the
    // last 90 minutes with one error each.
    const last = Math.floor(Date.now() / MINUTE) - 1;
    const samples = Array.from({ length: 180 }, (_, i) => ({
      series: 'a',
      timestamp: (last - 179 + i) * MINUTE,
      good: i >= 90 ? 199 : 200,
      total: 200,
    }));
    const posted = await post('/v1/samples', r =>
      r.set('Authorization', user).send({ samples }),
    );
    expect(posted.status).toBe(202);
    expect(posted.body).toEqual({ accepted: 180 });
    // Re-sending the same batch changes nothing.
    expect(
      (
        await post('/v1/samples', r =>
          r.set('Authorization', user).send({ samples }),
        )
      ).status,
    ).toBe(202);

    const res = await get('/v1/entities/component/default/svc-a/slos');
    expect(res.status).toBe(200);
    const a = res.body.items.find((s: any) => s.name === 'slo-a');
    expect(a).toMatchObject({
      ref: 'slo:default/slo-a',
      serviceRef: 'component:default/svc-a',
      ownerRef: 'group:default/team-a',
      systemRef: 'system:default/sys-a',
      dataSource: { name: 'builtin', type: 'builtin' },
      stale: false,
      status: 'healthy',
    });
    expect(Date.parse(a.evaluatedAt)).toBeGreaterThan(Date.now() - 60_000);
    const [o] = a.objectives;
    // 7 days: 90 bad of 36,000 = 0.25 % errors against a 1 % budget.
    expect(o.sli).toBeCloseTo(0.9975, 12);
    expect(o.budget.remaining).toBeCloseTo(0.75, 12);
    // Budget in time: 1 % of 7 days = 100.8 min, 75.6 min left.
    expect(o.budget.totalTimeMs / MINUTE).toBeCloseTo(100.8, 9);
    expect(o.budget.remainingTimeMs / MINUTE).toBeCloseTo(75.6, 9);
    // Budget in events: 1 % of 36,000 = 360, 270 left.
    expect(o.budget.totalEvents).toBeCloseTo(360, 9);
    expect(o.budget.remainingEvents).toBeCloseTo(270, 9);
    // Last hour: 0.5 % errors = burn rate 0.5; 0.75 × 7 d / 0.5 = 10.5 days.
    expect(o.burnRate).toBeCloseTo(0.5, 12);
    expect(o.timeToExhaustionMs / DAY).toBeCloseTo(10.5, 9);
    // Tiers from the 7-day period, k = p × 168 h / w_L: 0.02 × 168 / 1,
    // 0.05 × 168 / 6, 0.1 × 168 / 24, 0.1 × 168 / 72.
    expect(
      o.alerts.map((t: any) => [t.name, +t.factor.toFixed(4), t.firing]),
    ).toEqual([
      ['page-fast', 3.36, false],
      ['page-slow', 1.4, false],
      ['ticket-fast', 0.7, false],
      // 3 d and 6 h windows both burn at 0.25 (90 bad of 36,000 against 1 %): a ticket.
      ['ticket-slow', 0.2333, true],
    ]);
    expect(o.alerts[0].longBurnRate).toBeCloseTo(0.5, 12);
    expect(o.alerts[0].shortBurnRate).toBeCloseTo(0.5, 12);
  });

  it('draws the SLI and burn-down over the period from the built-in store', async () => {
    const res = await get('/v1/slos/default/slo-a/timeline');
    expect(res.status).toBe(200);
    // 7 days in ~200 steps of whole minutes: 7 × 1440 / 200 = 50.4, so 51-minute steps.
    expect(res.body.stepMs).toBe(51 * MINUTE);
    const [objective] = res.body.objectives;
    expect(objective.target).toBe(0.99);
    expect(objective.points).toHaveLength(Math.ceil((7 * 1440) / 51));
    const last = objective.points[objective.points.length - 1];
    // Same totals as the evaluation: 90 bad of 36,000 against a budget of 360.
    expect(last.sli).toBeCloseTo(0.9975, 12);
    expect(last.remaining).toBeCloseTo(0.75, 12);
    expect(last.idealRemaining).toBeCloseTo(0, 2);
    // Before the first sample there is nothing to chart.
    expect(objective.points[0].sli).toBeUndefined();
  });

  it("answers the policy gate with reasons, under the owning team's policy", async () => {
    const res = await get('/v1/entities/component/default/svc-a/policy');
    expect(res.status).toBe(200);
    // team-a's config asks for 80 % of budget left; slo-a has 75 %.
    expect(res.body.releaseAllowed).toBe(false);
    expect(res.body.reasons.map((r: any) => r.message)).toContain(
      'slo-a / requests has 75.0 % of its error budget left, below the policy minimum of 80.0 %',
    );
    expect(res.body.policy).toEqual({
      minRemainingBudget: 0.8,
      blockOnPageAlert: true,
      source: 'team',
      sources: { minRemainingBudget: 'team', blockOnPageAlert: 'default' },
      teamRef: 'group:default/team-a',
      problems: [],
    });
  });

  it("takes the service's annotation over its team's policy, reporting what it cannot read", async () => {
    const res = await get('/v1/entities/component/default/svc-b/policy');
    expect(res.status).toBe(200);
    expect(res.body.policy).toEqual({
      minRemainingBudget: 0.05,
      blockOnPageAlert: true,
      source: 'service',
      sources: { minRemainingBudget: 'service', blockOnPageAlert: 'default' },
      problems: [
        'annotation triad.dev/release-gate-policy: blockOnPageAlert: "maybe" is not true or false',
      ],
    });
  });

  it('reports an unknown data source on the SLO, not as a server error', async () => {
    const res = await get('/v1/entities/component/default/svc-b/slos');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      name: 'slo-nowhere',
      status: 'no-data',
      error: expect.stringContaining(
        'data source "nowhere" is neither configured in slo.dataSources nor a DataSource entity',
      ),
    });
  });

  describe('on a clock the test moves', () => {
    // Only Date is faked: the cache's expiry follows it, while the backend's
    // timers (and the 1 s source timeout) keep running for real.
    beforeEach(() => fakeDateOnly());
    afterEach(() => jest.useRealTimers());
    /** Lets the cached answer (cacheTtl 1 s) expire. */
    const afterCacheTtl = () => jest.setSystemTime(Date.now() + 1001);

    it('serves the last good result, marked stale with the reason, when a source fails or hangs', async () => {
      flakyMode = 'ok';
      afterCacheTtl();
      const fresh = await get('/v1/slos/default/slo-flaky');
      expect(fresh.body).toMatchObject({ stale: false, status: 'healthy' });

      flakyMode = 'fail';
      afterCacheTtl();
      const failed = await get('/v1/slos/default/slo-flaky');
      expect(failed.status).toBe(200);
      expect(failed.body).toMatchObject({
        stale: true,
        staleReason: 'connection refused',
        evaluatedAt: fresh.body.evaluatedAt,
        status: 'healthy',
      });

      // A source that never answers is cut off by the timeout.
      flakyMode = 'slow';
      afterCacheTtl(); // stale answers are cached for min(10 s, cacheTtl)
      const slow = await get('/v1/slos/default/slo-flaky');
      expect(slow.body).toMatchObject({
        stale: true,
        staleReason: 'data source "flaky" did not answer within 1s',
        evaluatedAt: fresh.body.evaluatedAt,
      });

      flakyMode = 'ok';
      afterCacheTtl();
      const recovered = await get('/v1/slos/default/slo-flaky');
      expect(recovered.body.stale).toBe(false);
      expect(recovered.body.staleReason).toBeUndefined();
      expect(Date.parse(recovered.body.evaluatedAt)).toBeGreaterThan(
        Date.parse(fresh.body.evaluatedAt),
      );
    });

    it('budgets a calendar month as a whole, in the table, the tiers and the chart alike', async () => {
      // 4 December 2026, 00:00 UTC: 3 of December's 31 days gone.
      const at = Date.parse('2026-12-04T00:00:00Z');
      jest.setSystemTime(at);
      const first = Date.parse('2026-12-01T00:00:00Z') / MINUTE;
      // 200 requests a minute; 5 % fail in the last two hours: 1,200 bad.
      const samples = Array.from({ length: 3 * 1440 }, (_, i) => ({
        series: 'm',
        timestamp: (first + i) * MINUTE,
        good: i >= 3 * 1440 - 120 ? 190 : 200,
        total: 200,
      }));
      expect(
        (
          await post('/v1/samples', r =>
            r.set('Authorization', user).send({ samples }),
          )
        ).status,
      ).toBe(202);

      const res = await get('/v1/slos/default/slo-month');
      const [o] = res.body.objectives;
      // 864,000 requests so far project to 864,000 × 31 / 3 = 8,928,000 for
      // December, of which 0.05 % = 4,464 may fail; 1,200 have.
      expect(o.budget.totalEvents).toBeCloseTo(4464, 6);
      expect(o.budget.remaining).toBeCloseTo(3264 / 4464, 12);
      expect(o.budget.remainingEvents).toBeCloseTo(3264, 6);
      expect(o.pace.spentFraction).toBeCloseTo(1200 / 4464, 12);
      // The SLI is the month so far; December's budget in time is 31 days'.
      expect(o.sli).toBeCloseTo(1 - 1200 / 864_000, 12);
      expect(o.budget.totalTimeMs / MINUTE).toBeCloseTo(22.32, 9);
      // The page tier uses the rules' factor for a month, 0.02 × 30 d / 1 h =
      // 14.4 (not December's 14.88), and 5 % errors burn at 100×.
      const fast = o.alerts.find((a: any) => a.name === 'page-fast');
      expect(fast.factor).toBeCloseTo(14.4, 12);
      expect(fast.longBurnRate).toBeCloseTo(100, 9);
      expect(fast.firing).toBe(true);
      // 0.7312 × 31 days / 100 = 5.44 hours, before the month ends.
      expect(o.timeToExhaustionMs / HOUR).toBeCloseTo(
        ((3264 / 4464) * 31 * 24) / 100,
        9,
      );
      expect(o.exhaustedWithinPeriod).toBe(true);

      // The chart ends at the table's figures; before the failures began
      // nothing of the month's budget was spent.
      const timeline = await get('/v1/slos/default/slo-month/timeline');
      const { points } = timeline.body.objectives[0];
      const last = points[points.length - 1];
      expect(last.t).toBe(at);
      expect(last.remaining).toBeCloseTo(o.budget.remaining, 12);
      expect(last.idealRemaining).toBeCloseTo(1 - 3 / 31, 12);
      const beforeBurst = points.filter((p: any) => p.t <= at - 120 * MINUTE);
      expect(beforeBurst.length).toBeGreaterThan(100);
      expect(beforeBurst.every((p: any) => p.remaining === 1)).toBe(true);
    });
  });

  it('lists the fleet from scheduled snapshots, without SLOs the caller may not see', async () => {
    // The mock scheduler resolves once the run has finished.
    await probe.scheduler.triggerTask('slo-evaluate-all');
    const res = await get('/v1/slos');
    expect(res.body.totalItems).toBe(4);
    const refs = res.body.items.map((s: any) => s.ref);
    expect(refs).toEqual(
      expect.arrayContaining([
        'slo:default/slo-a',
        'slo:default/slo-flaky',
        'slo:default/slo-nowhere',
        'slo:default/slo-month',
      ]),
    );
    // slo-hidden was evaluated (the scheduler sees everything) but its service is hidden from users.
    expect(refs).not.toContain('slo:default/slo-hidden');
    const asService = await get('/v1/slos', mockCredentials.service.header());
    expect(asService.body.items.map((s: any) => s.ref)).toContain(
      'slo:default/slo-hidden',
    );

    const owned = await get('/v1/slos?owner=team-a&limit=1');
    expect(owned.body).toMatchObject({ totalItems: 4, limit: 1, offset: 0 });
    expect(owned.body.items).toHaveLength(1);
    // Least remaining budget first, no-data last.
    expect(res.body.items[res.body.items.length - 1].ref).toBe(
      'slo:default/slo-nowhere',
    );
  });

  it('filters by a team with the groups below it, counts by status and rolls up on the server', async () => {
    await probe.scheduler.triggerTask('slo-evaluate-all');
    const { body: all } = await get('/v1/slos');
    const statuses = ['healthy', 'warning', 'breached', 'no-data'];
    const counted = Object.fromEntries(
      statuses.map(st => [
        st,
        all.items.filter((i: any) => i.status === st).length,
      ]),
    );
    expect(all.counts).toEqual(counted);
    // dept owns nothing itself; team-a, below it, owns all four.
    expect((await get('/v1/slos?owner=dept')).body.totalItems).toBe(0);
    const dept = await get('/v1/slos?team=dept&limit=2&offset=2');
    expect(dept.body).toMatchObject({ totalItems: 4, counts: counted });
    expect(dept.body.items.map((i: any) => i.ref)).toEqual(
      all.items.slice(2, 4).map((i: any) => i.ref),
    );
    expect((await get('/v1/slos?team=team-a')).body.totalItems).toBe(4);

    // One row for team-a: the same four, its worst the first SLO of the list.
    const byOwner = await get('/v1/slos/rollups?by=owner&team=dept');
    expect(byOwner.status).toBe(200);
    const [first] = all.items;
    expect(byOwner.body.rows).toEqual([
      {
        key: 'group:default/team-a',
        total: 4,
        counts: counted,
        worst: {
          ref: first.ref,
          title: first.title,
          remaining: Math.min(
            ...first.objectives.map((o: any) => o.budget.remaining),
          ),
        },
      },
    ]);
    const bySystem = await get('/v1/slos/rollups?by=system');
    const inSysA = all.items.filter(
      (i: any) => i.systemRef === 'system:default/sys-a',
    ).length;
    expect(
      Object.fromEntries(bySystem.body.rows.map((r: any) => [r.key, r.total])),
    ).toEqual({ 'system:default/sys-a': inSysA, '(none)': 4 - inSysA });
    // The hidden service's SLO counts for a caller who may read it.
    const asService = await get(
      '/v1/slos/rollups?by=owner',
      mockCredentials.service.header(),
    );
    expect(asService.body.rows[0].total).toBe(5);

    const flaky = await get('/v1/slos?text=FLAKY');
    expect(flaky.body.items.map((i: any) => i.ref)).toEqual([
      'slo:default/slo-flaky',
    ]);
    const tooLong = await get(`/v1/slos?text=${'x'.repeat(201)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toBe(
      'text: must be a text of at most 200 characters',
    );
    const bad = await get('/v1/slos/rollups?by=colour');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('by: must be one of owner, system');
    const badTeam = await get('/v1/slos?team=x:');
    expect(badTeam.status).toBe(400);
    expect(badTeam.body.error.message).toMatch(/^team: /);
  });

  it('hides an SLO whose service the caller may not read, on every endpoint', async () => {
    expect((await get('/v1/slos/default/slo-hidden')).status).toBe(404);
    expect((await get('/v1/slos/default/slo-hidden/history')).status).toBe(404);
    expect(
      (await get('/v1/entities/component/default/svc-hidden/slos')).status,
    ).toBe(404);
    expect(
      (await get('/v1/entities/component/default/svc-hidden/policy')).status,
    ).toBe(404);
  });

  it('keeps history of evaluations', async () => {
    const res = await get('/v1/slos/default/slo-a/history');
    expect(res.status).toBe(200);
    expect(res.body.points.length).toBeGreaterThanOrEqual(1);
    expect(res.body.points[0].objectives[0].remaining).toBeCloseTo(0.75, 6);
    expect(res.body.points[0].objectives[0]).toMatchObject({
      index: 0,
      displayName: 'requests',
      target: 0.99,
    });
  });

  it.each([
    [
      '/v1/entities/component/default/nope/slos',
      404,
      /No entity component:default\/nope found/,
    ],
    ['/v1/slos/default/nope', 404, /No entity slo:default\/nope found/],
    [
      '/v1/slos?status=bogus',
      400,
      /status: must be one of healthy, warning, breached, no-data/,
    ],
    ['/v1/slos?limit=0', 400, /limit: must be a whole number from 1 to 1000/],
    ['/v1/slos?owner=x:', 400, /owner: "x:" is not an entity reference/],
    [
      '/v1/slos/default/slo-a/history?from=yesterday',
      400,
      /from: must be an ISO 8601 time/,
    ],
    [
      '/v1/slos/default/slo-a/history?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      400,
      /from: must be before to/,
    ],
  ])(
    'answers GET %s with %p and a clear message',
    async (path, status, message) => {
      const res = await get(path);
      expect(res.status).toBe(status);
      expect(res.body.error.message).toMatch(message);
    },
  );

  it('records deploy markers idempotently and lists them only for entities the caller may read', async () => {
    const deploy = {
      id: 'pipeline-123',
      entityRef: 'component:default/svc-a',
      type: 'deploy',
      time: new Date(Date.now() - 10 * MINUTE).toISOString(),
      title: 'Deploy 1.2.3',
      version: '1.2.3',
    };
    const send = (body: object, authorization = user) =>
      post('/v1/events', r => r.set('Authorization', authorization).send(body));
    const created = await send(deploy);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'pipeline-123',
      version: '1.2.3',
    });
    const replaced = await send({ ...deploy, title: 'Deploy 1.2.3 (retry)' });
    expect(replaced.status).toBe(200);

    const listed = await get('/v1/events?entityRef=component:default/svc-a');
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({
      title: 'Deploy 1.2.3 (retry)',
      // A figure per objective of both SLOs of svc-a.
      budget: [
        { sloRef: 'slo:default/slo-a', objectiveIndex: 0 },
        { sloRef: 'slo:default/slo-flaky', objectiveIndex: 0 },
      ],
    });

    // Hidden from users: 404 as if missing, to record and to list.
    const hidden = { ...deploy, entityRef: 'component:default/svc-hidden' };
    expect((await send(hidden)).status).toBe(404);
    expect(
      (await get('/v1/events?entityRef=component:default/svc-hidden')).status,
    ).toBe(404);
    expect((await send(hidden, mockCredentials.service.header())).status).toBe(
      201,
    );
    expect(
      (await send({ ...deploy, type: 'release' })).body.error.message,
    ).toBe('type: must be one of deploy, incident, maintenance');

    denyIngest = true;
    const denied = await send(deploy);
    denyIngest = false;
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/slo\.events\.create/);
    expect((await post('/v1/events', r => r.send(deploy))).status).toBe(401);
  });

  it('guards ingest: token, permission, body', async () => {
    const sample = { series: 'a', timestamp: Date.now(), good: 1, total: 1 };
    expect(
      (await post('/v1/samples', r => r.send({ samples: [sample] }))).status,
    ).toBe(401);

    denyIngest = true;
    const denied = await post('/v1/samples', r =>
      r.set('Authorization', user).send({ samples: [sample] }),
    );
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/slo\.samples\.create/);
    // Service-to-service callers need no permission.
    const asService = await post('/v1/samples', r =>
      r
        .set('Authorization', mockCredentials.service.header())
        .send({ samples: [sample] }),
    );
    expect(asService.status).toBe(202);
    denyIngest = false;

    const bad = await post('/v1/samples', r =>
      r.set('Authorization', user).send({ samples: [{ ...sample, good: 2 }] }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /samples\[0\]\.good: must not exceed total/,
    );

    const notJson = await post('/v1/samples', r =>
      r
        .set('Authorization', user)
        .set('Content-Type', 'application/json')
        .send('{"samples": ['),
    );
    expect(notJson.status).toBe(400);

    const huge = await post('/v1/samples', r =>
      r
        .set('Authorization', user)
        .set('Content-Type', 'application/json')
        .send(`{"samples":[],"padding":"${'x'.repeat(5 * 1024 * 1024)}"}`),
    );
    expect(huge.status).toBe(413);
  });
});

describe('SLO backend right after a start', () => {
  // As above: the backend stops before its database is destroyed.
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.stop();
    backend = undefined;
  });
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  const loadedCatalog: Entity[] = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'svc', namespace: 'default' },
      spec: { type: 'service', lifecycle: 'production', owner: 'team' },
    },
    {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 'svc-availability', namespace: 'default' },
      spec: {
        service: 'svc',
        indicator: {
          metadata: { name: 'svc-requests' },
          spec: {
            ratioMetric: {
              counter: true,
              good: {
                metricSource: { type: 'builtin', spec: { series: 'svc' } },
              },
              total: {
                metricSource: { type: 'builtin', spec: { series: 'svc' } },
              },
            },
          },
        },
        timeWindow: [{ duration: '28d', isRolling: true }],
        budgetingMethod: 'Occurrences',
        objectives: [{ target: 0.99 }],
      },
      relations: [
        { type: RELATION_MEASURES, targetRef: 'component:default/svc' },
      ],
    },
  ];

  it('answers 503 with Retry-After for the fleet until the evaluation the change check triggers has run', async () => {
    // The catalog as it is at start (empty) and once it has loaded; the
    // scheduler is a mock, so the test runs each task when it chooses.
    let loaded = catalogServiceMock({ entities: [] });
    const catalog = new Proxy({} as CatalogService, {
      get: (_, key) => {
        const value = (loaded as any)[key];
        return typeof value === 'function' ? value.bind(loaded) : value;
      },
    });
    const mockScheduler = mockServices.scheduler.mock();
    const knex = await databases.init('SQLITE_3');
    backend = await startTestBackend({
      features: [
        sloPlugin,
        mockScheduler.factory,
        mockServices.database.factory({ knex }),
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
      ],
    });
    const { server } = backend;
    const tasks = new Map(
      mockScheduler.scheduleTask.mock.calls.map(([task]) => [task.id, task]),
    );
    const run = (id: string) =>
      (tasks.get(id) as SchedulerServiceTaskInvocationDefinition).fn(
        new AbortController().signal,
      );
    // With default settings every instance asks every 10 seconds.
    expect(tasks.get('slo-fleet-change-check')).toMatchObject({
      frequency: { milliseconds: 10_000 },
      scope: 'local',
    });
    const fleet = () =>
      request(server)
        .get('/api/slo/v1/slos')
        .set('Authorization', mockCredentials.user.header());

    const warming = await fleet();
    expect(warming.status).toBe(503);
    expect(warming.headers['retry-after']).toBe('10');
    expect(warming.body.error.message).toMatch(/^The SLO fleet is warming up/);

    // No evaluation has finished: the first check triggers one, which finds
    // the catalog still empty.
    await run('slo-fleet-change-check');
    expect(mockScheduler.triggerTask).toHaveBeenCalledWith('slo-evaluate-all');
    await run('slo-evaluate-all');
    expect((await fleet()).body).toMatchObject({ items: [], totalItems: 0 });
    mockScheduler.triggerTask.mockClear();
    await run('slo-fleet-change-check');
    expect(mockScheduler.triggerTask).not.toHaveBeenCalled();

    // Once the catalog has loaded its SLOs, the next check triggers again.
    loaded = catalogServiceMock({ entities: loadedCatalog });
    await run('slo-fleet-change-check');
    expect(mockScheduler.triggerTask).toHaveBeenCalledTimes(1);
    await run('slo-evaluate-all');
    const ready = await fleet();
    expect(ready.status).toBe(200);
    expect(ready.body.items.map((i: { ref: string }) => i.ref)).toEqual([
      'slo:default/svc-availability',
    ]);
  });
});
