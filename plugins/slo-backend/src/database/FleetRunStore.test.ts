import { TestDatabases } from '@backstage/backend-test-utils';
import { FleetRunStore } from './FleetRunStore';
import { migrateDatabase } from './migrateDatabase';

describe('FleetRunStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'keeps the last finished fleet run, on %p',
    async id => {
      const knex = await databases.init(id);
      await migrateDatabase(knex);
      const store = new FleetRunStore(knex);
      expect(await store.lastRun()).toBeUndefined();
      const first = {
        finishedAt: 1_000,
        sloCount: 2,
        sloRefsHash: 'a'.repeat(64),
      };
      await store.saveRun(first);
      expect(await store.lastRun()).toEqual(first);
      const second = {
        finishedAt: 2_000,
        sloCount: 3,
        sloRefsHash: 'b'.repeat(64),
      };
      await store.saveRun(second);
      expect(await store.lastRun()).toEqual(second);
      expect(
        Number((await knex('slo_fleet_runs').count({ n: '*' }))[0].n),
      ).toBe(1);
    },
  );
});
