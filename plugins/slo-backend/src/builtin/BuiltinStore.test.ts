import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../database/migrateDatabase';
import { BuiltinStore } from './BuiltinStore';

const MINUTE = 60_000;

describe('BuiltinStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(id: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(id);
    await migrateDatabase(knex);
    return { knex, store: new BuiltinStore(knex) };
  }

  it.each(databases.eachSupportedId())(
    'replaces a re-sent sample instead of adding it, on %p',
    async id => {
      const { knex, store } = await createStore(id);
      await store.ingest([{ series: 's', minute: 100, good: 9, total: 10 }]);
      await store.ingest([{ series: 's', minute: 100, good: 9, total: 10 }]);
      await store.ingest([{ series: 's', minute: 100, good: 7, total: 10 }]);
      const rows = await knex('slo_samples').select();
      expect(
        rows.map(r => [
          r.series,
          Number(r.minute),
          Number(r.good),
          Number(r.total),
        ]),
      ).toEqual([['s', 100, 7, 10]]);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores a batch all or nothing, on %p',
    async id => {
      const { knex, store } = await createStore(id);
      const good = Array.from({ length: 1200 }, (_, i) => ({
        series: 's',
        minute: i,
        good: 1,
        total: 1,
      }));
      // The last sample violates a NOT NULL constraint after 1,200 valid ones (three insert chunks).
      const broken = [
        ...good,
        {
          series: 's',
          minute: 5000,
          good: null as unknown as number,
          total: 1,
        },
      ];
      // Matched on the message: errors from native drivers may not be `instanceof Error` here.
      await expect(store.ingest(broken)).rejects.toMatchObject({
        message: expect.stringMatching(/null/i),
      });
      expect(Number((await knex('slo_samples').count({ n: '*' }))[0].n)).toBe(
        0,
      );
      await store.ingest(good);
      expect(Number((await knex('slo_samples').count({ n: '*' }))[0].n)).toBe(
        1200,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'sums windows ending at a time in one query, on %p',
    async id => {
      const { store } = await createStore(id);
      // Minutes 0..59: 10 events each; minute 50 onwards 2 bad per minute.
      await store.ingest(
        Array.from({ length: 60 }, (_, m) => ({
          series: 'api',
          minute: m,
          good: m >= 50 ? 8 : 10,
          total: 10,
        })),
      );
      await store.ingest([
        { series: 'other', minute: 55, good: 0, total: 1000 },
      ]);
      const end = 60 * MINUTE; // the end of minute 59
      const sums = await store.windowSums('api', end, [
        60 * MINUTE,
        10 * MINUTE,
        5 * MINUTE,
      ]);
      // Whole hour: 600 events, 20 bad. Last 10 minutes: 100 events, 20 bad. Last 5: 50, 10 bad.
      expect(sums).toEqual([
        { good: 580, total: 600 },
        { good: 80, total: 100 },
        { good: 40, total: 50 },
      ]);
      // A window before any data has no events.
      expect(await store.windowSums('api', 0, [MINUTE])).toEqual([
        { good: 0, total: 0 },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists and deletes by time, on %p',
    async id => {
      const { store } = await createStore(id);
      await store.ingest(
        [0, 1, 2, 3].map(m => ({ series: 'a', minute: m, good: m, total: 5 })),
      );
      expect(
        (await store.samples('a', MINUTE, 3 * MINUTE)).map(s => s.minute),
      ).toEqual([1, 2]);
      expect(await store.deleteBefore(2 * MINUTE)).toBe(2);
      expect(
        (await store.samples('a', 0, 10 * MINUTE)).map(s => s.minute),
      ).toEqual([2, 3]);
    },
  );
});
