import { createBackendModule } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { sloDataSourcesExtensionPoint } from '@triad/plugin-slo-node';
import { schedulerProbe } from '@triad/test-utils';
import request from 'supertest';
import { sqliteDatabasePerPlugin } from './__testUtils__/startSloTestBackend';
import { sloPlugin } from './plugin';

/*
 * Ten thousand generated SLOs through the whole SLO backend: the scheduled
 * evaluation measures every one, and the fleet endpoint, asked the way the
 * fleet page asks (20 a page), names the right total and pages through every
 * SLO exactly once, worst budget first. The catalog is Backstage's in-memory
 * one so that loading 10,000 SLO entities takes no ingestion; the conditional
 * read path is covered over the real store in FleetList.scale.test.ts.
 */
const SLOS = 10_000;
const SERVICES = 1_000;
const TEAMS = 10;
const PAGE = 20;

/**
 * SLO i measures svc-(i % 1000), owned by team-(i % 1000 % 10). Its error
 * ratio against a 99 % target (1 % allowed) sets its status: i % 4 = 0 spends
 * nothing (remaining 1, healthy), 1 spends 0.9 % (remaining 1 − 0.9 = 0.1,
 * below the 0.25 warning line), 2 spends 2 % (remaining 1 − 2 = −1,
 * breached), 3 has no traffic (no data).
 */
const ERROR_RATIO = [0, 0.009, 0.02, undefined];
const REMAINING = [1, 0.1, -1, undefined];

const sloEntity = (i: number): Entity => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: `slo-${i}`, namespace: 'default' },
  spec: {
    service: `svc-${i % SERVICES}`,
    indicator: {
      metadata: { name: `slo-${i}-sli` },
      spec: {
        ratioMetric: {
          counter: true,
          good: { metricSource: { type: 'generated', spec: { i } } },
          total: { metricSource: { type: 'generated', spec: { i } } },
        },
      },
    },
    timeWindow: [{ duration: '28d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ displayName: 'requests', target: 0.99 }],
  },
});

const serviceEntity = (s: number): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: `svc-${s}`, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: `team-${s % 10}` },
  relations: [{ type: 'ownedBy', targetRef: `group:default/team-${s % 10}` }],
});

/** Answers each SLO's error ratio from its index, as the rule above says. */
const generatedSource = createBackendModule({
  pluginId: 'slo',
  moduleId: 'generated-source',
  register(env) {
    env.registerInit({
      deps: { dataSources: sloDataSourcesExtensionPoint },
      async init({ dataSources }) {
        dataSources.addDataSource({
          type: 'generated',
          async measure({ indicator }) {
            const i = (indicator as any).ratioMetric.good.metricSource.spec.i;
            return {
              periodErrorRatio: ERROR_RATIO[i % 4],
              windowErrorRatios: {},
            };
          },
        });
      },
    });
  },
});

const probe = schedulerProbe('slo');

describe('the fleet of ten thousand SLOs over HTTP', () => {
  let backend: TestBackend | undefined;
  afterAll(() => backend?.stop());
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  beforeAll(async () => {
    const entities = [
      ...Array.from({ length: SERVICES }, (_, s) => serviceEntity(s)),
      ...Array.from({ length: SLOS }, (_, i) => sloEntity(i)),
    ];
    backend = await startTestBackend({
      features: [
        sloPlugin,
        generatedSource,
        probe.module,
        catalogServiceMock.factory({ entities }),
        sqliteDatabasePerPlugin(databases),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      ],
    });
  });
  // The run the scheduler starts every few minutes, started here at once.
  beforeAll(() => probe.scheduler.triggerTask('slo-evaluate-all'));

  const get = async (query: string) => {
    const res = await request(backend!.server)
      .get(`/api/slo/v1/slos?${query}`)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    return res.body;
  };
  /** The rule's remaining budget of an SLO named in a page. */
  const remainingOf = (item: { ref: string }) =>
    REMAINING[Number(item.ref.split('-')[1]) % 4] ?? Infinity;

  it('names the total and the counts on the first page of 20 and reaches the last', async () => {
    const first = await get(`limit=${PAGE}`);
    expect(first.totalItems).toBe(SLOS);
    expect(first.counts).toEqual({
      healthy: 2500,
      warning: 2500,
      breached: 2500,
      'no-data': 2500,
    });
    expect(first.items.map(remainingOf)).toEqual(Array(PAGE).fill(-1));
    // The 500th page of 20 holds the last SLOs: those without data.
    const last = await get(`limit=${PAGE}&offset=${SLOS - PAGE}`);
    expect(last.items.map(remainingOf)).toEqual(Array(PAGE).fill(Infinity));
  });

  it('pages through every SLO once, worst budget first', async () => {
    const seen = new Set<string>();
    const order: number[] = [];
    const limit = 1000; // the endpoint's largest page
    for (let offset = 0; offset < SLOS; offset += limit) {
      const page = await get(`limit=${limit}&offset=${offset}`);
      expect(page.totalItems).toBe(SLOS);
      for (const item of page.items) {
        seen.add(item.ref);
        order.push(remainingOf(item));
        const i = Number(item.ref.split('-')[1]);
        expect(item.ownerRef).toBe(`group:default/team-${i % TEAMS}`);
      }
    }
    expect(seen.size).toBe(SLOS);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('counts a filter over the whole fleet', async () => {
    // team-2 owns the services i % 10 = 2, so SLOs with an even i: half of
    // them i % 4 = 0 (healthy), half i % 4 = 2 (breached).
    const team2 = await get(`limit=${PAGE}&owner=group:default/team-2`);
    expect(team2.totalItems).toBe(SLOS / TEAMS);
    expect(team2.counts).toEqual({
      healthy: 500,
      warning: 0,
      breached: 500,
      'no-data': 0,
    });
  });
});
