import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  createMockDirectory,
  mockCredentials,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import catalogModuleOwnership from '@triad/plugin-catalog-backend-module-ownership';
// The replicas run the real ownership backend, as in production.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import ownershipPlugin from '@triad/plugin-ownership-backend';
import { poll } from '@triad/test-utils';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { startSloTestBackend } from '../__testUtils__/startSloTestBackend';

const MINUTE = 60_000;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// alice is in the owning team, bob in the SRE team (inherited from the
// system), carol in both, dave in neither.
const catalogFile = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: checkout-team }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: sre-core }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: alice }
spec: { memberOf: [checkout-team] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: bob }
spec: { memberOf: [sre-core] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: carol }
spec: { memberOf: [checkout-team, sre-core] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: dave }
spec: { memberOf: [] }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: checkout }
spec:
  owner: checkout-team
  responsibilities: [{ role: sre, ref: group:sre-core }]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: checkout-service }
spec: { type: service, lifecycle: production, owner: checkout-team, system: checkout }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: checkout-availability }
spec:
  service: checkout-service
  indicator:
    metadata: { name: checkout-requests }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: builtin, spec: { series: checkout } } }
        total: { metricSource: { type: builtin, spec: { series: checkout } } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ displayName: requests, target: 0.99 }]
`;

/**
 * Two replicas of a backend with the catalog, the ownership, notifications
 * and SLO backends, on the same PostgreSQL databases (one per plugin, each
 * replica with its own connections) and Backstage's database-backed
 * scheduler, as two production instances.
 */
describe('SLO notifications across two replicas', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
  const dir = createMockDirectory();
  const first = new Map<string, Promise<Knex>>();
  const extra: Knex[] = [];
  const replicas: TestBackend[] = [];
  afterAll(async () => {
    await Promise.all(replicas.map(r => r.stop()));
    await Promise.all(extra.map(k => k.destroy()));
  });

  /** The first replica creates a plugin's database; the second connects to it. */
  async function pluginDatabase(replica: number, pluginId: string) {
    if (!first.has(pluginId))
      first.set(pluginId, databases.init('POSTGRES_15'));
    const knex = await first.get(pluginId)!;
    if (replica === 0) return knex;
    const other = knexFactory({
      client: 'pg',
      connection: (knex.client as any).config.connection,
    });
    extra.push(other);
    return other;
  }

  const startReplica = (replica: number) =>
    startSloTestBackend({
      catalogFiles: [dir.resolve('catalog.yaml')],
      kinds: ['Component', 'System', 'Group', 'User', 'Location', 'SLO'],
      config: {
        app: { baseUrl: 'http://localhost' },
        ownership: {
          index: { changeCheck: { frequency: { seconds: 1 } } },
        },
        slo: {
          evaluation: {
            frequency: '1s',
            changeCheck: '1s',
            cacheTtl: '1s',
          },
          notifications: { enabled: true },
        },
      },
      features: [
        catalogModuleOwnership,
        ownershipPlugin,
        notificationsPlugin,
        schedulerServiceFactory,
        createServiceFactory({
          service: coreServices.database,
          deps: { pluginMetadata: coreServices.pluginMetadata },
          factory: async ({ pluginMetadata }) => {
            const client = pluginDatabase(replica, pluginMetadata.getId());
            return { getClient: () => client };
          },
        }),
      ],
    });

  const notificationsOf = async (user: string) => {
    const res = await request(replicas[0].server)
      .get('/api/notifications/notifications')
      .set(
        'Authorization',
        mockCredentials.user.header(`user:default/${user}`),
      );
    expect(res.status).toBe(200);
    return res.body.notifications as {
      payload: {
        title: string;
        description: string;
        link: string;
        severity: string;
      };
    }[];
  };

  const alertState = async () => {
    const db = await first.get('slo')!;
    return db('slo_alert_states')
      .where('slo_ref', 'slo:default/checkout-availability')
      .first();
  };

  /** Resolves after `n` more scheduled evaluations have finished (on either replica). */
  const moreRuns = async (n: number) => {
    const db = await first.get('slo')!;
    const finished = async () =>
      Number(
        (await db('slo_fleet_runs').where('id', 1).first())?.finished_at ?? 0,
      );
    for (let i = 0; i < n; i++) {
      const before = await finished();
      await poll('a scheduled evaluation', async () =>
        (await finished()) > before ? true : undefined,
      );
    }
  };

  beforeAll(async () => {
    dir.setContent({ 'catalog.yaml': catalogFile });
    replicas.push(await startReplica(0), await startReplica(1));
    // Both replicas' ownership indexes know the SRE holder, and the scheduled
    // evaluation has remembered the SLO's first state (no data yet).
    for (const r of replicas) {
      await poll('the ownership index', async () => {
        const res = await request(r.server)
          .get('/api/ownership/v1/entities/component/default/checkout-service')
          .set('Authorization', mockCredentials.service.header());
        return res.body?.roles?.some(
          (x: any) => x.role === 'sre' && x.status === 'covered',
        )
          ? true
          : undefined;
      });
    }
    await poll(
      'the first state of the SLO',
      async () => (await alertState()) ?? undefined,
    );
  });

  it('tells the owner and the SRE holder once of the page tier firing', async () => {
    expect(JSON.parse((await alertState()).state)).toEqual({
      pageFiring: false,
      releaseBlocked: false,
    });

    // Three days of 1,000 requests a minute; in the last hour half fail.
    // Last hour: 50 % errors against a 1 % budget, a burn rate of 50 over
    // both page windows (page-fast fires above 14.4, page-slow above 6).
    // Period: 30,000 bad of 4,320,000 = 0.694 % of a 1 % budget spent,
    // 30.56 % left: above the 25 % warning threshold, so no budget
    // notification, but the page alert closes the release gate.
    const last = Math.floor(Date.now() / MINUTE) - 1;
    const samples = Array.from({ length: 3 * 1440 }, (_, i) => ({
      series: 'checkout',
      timestamp: (last - 3 * 1440 + 1 + i) * MINUTE,
      good: i >= 3 * 1440 - 60 ? 500 : 1000,
      total: 1000,
    }));
    const posted = await request(replicas[1].server)
      .post('/api/slo/v1/samples')
      .set('Authorization', mockCredentials.user.header())
      .send({ samples });
    expect(posted.status).toBe(202);

    await poll('the notifications', async () =>
      (await notificationsOf('alice')).length >= 2 ? true : undefined,
    );
    // Evaluations keep running on both replicas; nothing more is sent.
    await moreRuns(3);

    const titles = async (user: string) =>
      (await notificationsOf(user)).map(n => n.payload.title).sort();
    const expected = [
      'checkout-availability is burning its error budget fast (page alert firing)',
      'checkout-availability now blocks releases of its service',
    ];
    expect(await titles('alice')).toEqual(expected);
    expect(await titles('bob')).toEqual(expected);
    // In both teams, still told once.
    expect(await titles('carol')).toEqual(expected);
    expect(await titles('dave')).toEqual([]);

    const page = (await notificationsOf('bob')).find(n =>
      n.payload.title.includes('page alert'),
    )!;
    expect(page.payload).toMatchObject({
      link: '/catalog/default/component/checkout-service/slos',
      severity: 'high',
    });
    // page-slow's 6-hour window holds the bad hour and 299 or 300 clean
    // minutes, by where the current minute stands: 30,000 bad of 359,000 or
    // 360,000, a burn rate of 8.36 or 8.33.
    expect(page.payload.description).toMatch(
      new RegExp(
        `^requests: 30\\.56 % of the error budget left, page-fast firing at 50\\.0×, page-slow firing at 8\\.3[36]×\\. ${escape(
          'Sent to the holders of component:default/checkout-service: ' +
            'group:default/checkout-team as Owner (assigned on component:default/checkout-service); ' +
            'group:default/sre-core as SRE (inherited from system:default/checkout via component:default/checkout-service → system:default/checkout).',
        )}$`,
      ),
    );
    expect(JSON.parse((await alertState()).state)).toEqual({
      pageFiring: true,
      budget: 'ok',
      releaseBlocked: true,
    });
  });
});
