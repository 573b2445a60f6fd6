import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../database/migrateDatabase';
import { EventStore } from './EventStore';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-20T10:00:00Z');

describe('EventStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'replaces an event sent again with the same id, lists by range and forgets past retention, on %p',
    async id => {
      const knex = await databases.init(id);
      await migrateDatabase(knex);
      const store = new EventStore(knex);
      const deploy = {
        id: 'run-41',
        entityRef: 'component:default/svc',
        type: 'deploy' as const,
        timeMs: T0,
        title: 'Deploy 1.4.0',
        version: '1.4.0',
      };

      const first = await store.record(deploy, T0 + 1000);
      expect(first.created).toBe(true);
      expect(first.event).toEqual({
        id: 'run-41',
        entityRef: 'component:default/svc',
        type: 'deploy',
        time: '2026-11-20T10:00:00.000Z',
        title: 'Deploy 1.4.0',
        version: '1.4.0',
        recordedAt: '2026-11-20T10:00:01.000Z',
      });
      // The same id again: one event, with what was sent last.
      const again = await store.record(
        { ...deploy, title: 'Deploy 1.4.0 (retried)', link: 'https://ci/41' },
        T0 + 2000,
      );
      expect(again.created).toBe(false);
      // The same id for another entity is another event.
      await store.record(
        { ...deploy, entityRef: 'component:default/other' },
        T0,
      );
      const incident = {
        id: 'inc-7',
        entityRef: 'component:default/svc',
        type: 'incident' as const,
        timeMs: T0 - 5 * HOUR,
        endMs: T0 - HOUR,
        title: 'Database failover',
      };
      await store.record(incident, T0);

      const all = await store.list(
        'component:default/svc',
        T0 - 10 * HOUR,
        T0 + HOUR,
      );
      expect(all.map(e => [e.id, e.title, e.link])).toEqual([
        ['inc-7', 'Database failover', undefined],
        ['run-41', 'Deploy 1.4.0 (retried)', 'https://ci/41'],
      ]);
      expect(all[0].end).toBe('2026-11-20T09:00:00.000Z');
      // An incident that began before the range but ended in it is shown;
      // events after the range are not.
      expect(
        (
          await store.list('component:default/svc', T0 - 2 * HOUR, T0 - HOUR)
        ).map(e => e.id),
      ).toEqual(['inc-7']);
      expect(
        await store.list('component:default/svc', T0 - 30 * 60_000, T0 - 1),
      ).toEqual([]);
      // At most `limit`, the latest ones, oldest first.
      expect(
        (await store.list('component:default/svc', 0, T0 + HOUR, 1)).map(
          e => e.id,
        ),
      ).toEqual(['run-41']);

      // Retention counts from an event's end: the incident ended at T0 − 1 h.
      expect(await store.deleteBefore(T0 - HOUR)).toBe(0);
      expect(await store.deleteBefore(T0 - HOUR + 1)).toBe(1);
      expect(await store.deleteBefore(T0 + 1)).toBe(2);
      expect(await store.list('component:default/svc', 0, T0 + HOUR)).toEqual(
        [],
      );
    },
  );
});
