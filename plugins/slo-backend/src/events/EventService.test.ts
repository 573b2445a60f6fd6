import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogMemory } from '@triad/backend-utils';
import { RELATION_MEASURES, SloResult } from '@triad/plugin-slo-common';
import { migrateDatabase } from '../database/migrateDatabase';
import { SnapshotStore } from '../database/SnapshotStore';
import { EventService } from './EventService';
import { EventStore } from './EventStore';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DEPLOY = Date.parse('2026-11-30T12:00:00Z');

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'svc', namespace: 'default' },
  },
  {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'availability', namespace: 'default' },
    relations: [
      { type: RELATION_MEASURES, targetRef: 'component:default/svc' },
    ],
  },
];

/** A snapshot of the SLO with the given budget left per objective. */
function snapshot(t: number, remaining: number[]): SloResult {
  return {
    ref: 'slo:default/availability',
    title: 'availability',
    serviceRef: 'component:default/svc',
    evaluatedAt: new Date(t).toISOString(),
    status: 'healthy',
    objectives: remaining.map((r, index) => ({
      index,
      displayName: `objective ${index}`,
      target: 0.99,
      budget: { remaining: r },
    })),
  } as unknown as SloResult;
}

describe('EventService', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup(allow = true) {
    const knex = await databases.init('SQLITE_3');
    await migrateDatabase(knex);
    const snapshots = new SnapshotStore(knex);
    const service = new EventService({
      auth: mockServices.auth(),
      permissions: mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(() => ({
            result: allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          })),
      }),
      catalog: catalogServiceMock({ entities }),
      eventStore: new EventStore(knex),
      snapshots,
      snapshotRetentionMs: 90 * 24 * HOUR,
      now: () => DEPLOY + 3 * HOUR,
    });
    return { service, snapshots };
  }

  it('answers each deploy with the budget every SLO objective spent in the hour before and the hour after', async () => {
    const { service, snapshots } = await setup();
    // Snapshots every 20 minutes from 2 h before the deploy to 2 h after.
    // Objective 0 loses 0.5 % of its budget per 20 min before the deploy and
    // 4 % per 20 min after it: 1.5 % in the hour before, 12 % in the hour after.
    // Objective 1 is flat at 0.8: 0 and 0.
    for (let k = -6; k <= 6; k++) {
      const r = k <= 0 ? 0.9 + -k * 0.005 : 0.9 - k * 0.04;
      await snapshots.save(snapshot(DEPLOY + k * 20 * MIN, [r, 0.8]));
    }
    const user = mockCredentials.user();
    const recorded = await service.record(
      {
        id: 'ci-run-7',
        entityRef: 'svc',
        type: 'deploy',
        time: DEPLOY,
        title: 'Deploy 2.0.0',
        version: '2.0.0',
        link: 'https://ci.example.com/runs/7',
      },
      user,
    );
    expect(recorded.created).toBe(true);
    await service.record(
      {
        id: 'inc-1',
        entityRef: 'component:default/svc',
        type: 'incident',
        time: '2026-11-30T12:30:00Z',
        end: '2026-11-30T12:50:00Z',
        title: 'Elevated errors',
      },
      user,
    );

    const res = await service.list(
      'component:default/svc',
      { from: new Date(DEPLOY - HOUR), to: new Date(DEPLOY + 3 * HOUR) },
      user,
    );
    expect(res.items.map(e => e.id)).toEqual(['ci-run-7', 'inc-1']);
    const [deploy, incident] = res.items;
    expect(deploy).toMatchObject({
      entityRef: 'component:default/svc',
      time: '2026-11-30T12:00:00.000Z',
      version: '2.0.0',
      link: 'https://ci.example.com/runs/7',
    });
    expect(deploy.budget).toHaveLength(2);
    const [o0, o1] = deploy.budget!;
    expect(o0).toMatchObject({
      sloRef: 'slo:default/availability',
      objectiveIndex: 0,
      displayName: 'objective 0',
      windowMs: HOUR,
      afterComplete: true,
    });
    expect(o0.before).toBeCloseTo(0.015, 12);
    expect(o0.after).toBeCloseTo(0.12, 12);
    expect(o1.before).toBe(0);
    expect(o1.after).toBe(0);
    // Only deploys are compared.
    expect(incident.budget).toBeUndefined();
    expect(incident.end).toBe('2026-11-30T12:50:00.000Z');
  });

  it('answers 404 for an entity the caller may not read and 403 without the permission', async () => {
    const { service } = await setup(false);
    const event = {
      id: 'x',
      entityRef: 'component:default/svc',
      type: 'deploy',
      time: DEPLOY,
      title: 'Deploy',
    };
    await expect(
      service.record(event, mockCredentials.user()),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: 'recording events needs the permission slo.events.create',
    });
    // Service principals need no permission, but the entity must exist.
    await expect(
      service.record(
        { ...event, entityRef: 'component:default/gone' },
        mockCredentials.service(),
      ),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No entity component:default/gone found',
    });
    await expect(
      service.list(
        'component:default/gone',
        { from: new Date(0), to: new Date(DEPLOY) },
        mockCredentials.user(),
      ),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it("answers from the catalog's earlier answers to the same caller while the catalog fails, and 503 for another caller", async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateDatabase(knex);
    const catalog = catalogServiceMock({ entities });
    let nowMs = DEPLOY + 3 * HOUR;
    const service = new EventService({
      auth: mockServices.auth(),
      permissions: mockServices.permissions(),
      catalog,
      eventStore: new EventStore(knex),
      snapshots: new SnapshotStore(knex),
      snapshotRetentionMs: 90 * 24 * HOUR,
      catalogMemory: new CatalogMemory({ now: () => nowMs }),
      now: () => nowMs,
    });
    const alice = mockCredentials.user('user:default/alice');
    const range = { from: new Date(DEPLOY - HOUR), to: new Date(nowMs) };
    const fresh = await service.list('component:default/svc', range, alice);
    expect(fresh.catalogStale).toBeUndefined();

    const down = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
    });
    jest.spyOn(catalog, 'getEntityByRef').mockRejectedValue(down);
    jest.spyOn(catalog, 'getEntities').mockRejectedValue(down);
    nowMs += 90_000;
    const stale = await service.list('component:default/svc', range, alice);
    expect(stale.items).toEqual(fresh.items);
    expect(stale.catalogStale).toMatchObject({
      asOf: new Date(DEPLOY + 3 * HOUR).toISOString(),
      ageSeconds: 90,
    });
    await expect(
      service.list(
        'component:default/svc',
        range,
        mockCredentials.user('user:default/bob'),
      ),
    ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
  });
});
