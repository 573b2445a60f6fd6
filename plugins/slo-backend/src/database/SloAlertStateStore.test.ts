import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from './migrateDatabase';
import { SloAlertStateStore } from './SloAlertStateStore';

const calm = {
  pageFiring: false,
  budget: 'ok',
  releaseBlocked: false,
} as const;
const paging = { ...calm, pageFiring: true };

describe('SloAlertStateStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'lets one of two runs claim a change, and undoes a claim, on %p',
    async id => {
      const knex = await databases.init(id);
      await migrateDatabase(knex);
      const store = new SloAlertStateStore(knex);
      const ref = 'slo:default/a';

      expect(await store.claim(ref, undefined, calm, 1)).toBe(1);
      // A second first sighting (another run) finds the row taken.
      expect(await store.claim(ref, undefined, calm, 1)).toBeUndefined();
      const recorded = (await store.all()).get(ref)!;
      expect(recorded).toEqual({ state: calm, version: 1 });

      // Two runs that read version 1 both try to record the page: one wins.
      expect(await store.claim(ref, recorded, paging, 2)).toBe(2);
      expect(await store.claim(ref, recorded, paging, 2)).toBeUndefined();
      expect((await store.all()).get(ref)).toEqual({
        state: paging,
        version: 2,
      });

      // Sending failed: the earlier state comes back, under a new version.
      await store.release(ref, 2, recorded, 3);
      expect((await store.all()).get(ref)).toEqual({ state: calm, version: 3 });
      // A release for a claim that is no longer the latest changes nothing.
      await store.release(ref, 2, { state: paging, version: 2 }, 4);
      expect((await store.all()).get(ref)).toEqual({ state: calm, version: 3 });

      await store.claim('slo:default/b', undefined, calm, 5);
      // A batch of the fleet reads its own states only.
      expect([
        ...(await store.of(['slo:default/b', 'slo:default/c'])).keys(),
      ]).toEqual(['slo:default/b']);
      expect((await store.of([])).size).toBe(0);
      await store.retainOnly(['slo:default/b']);
      expect([...(await store.all()).keys()]).toEqual(['slo:default/b']);
    },
  );
});
