import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { SloResult } from '@triad/plugin-slo-common';
import { migrateDatabase } from './migrateDatabase';
import { SnapshotStore } from './SnapshotStore';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 1);

/** What history reads of a snapshot: its time, status and objectives. */
const snapshot = (ref: string, minute: number) => ({
  slo_ref: ref,
  evaluated_at: T0 + minute * MINUTE,
  result: JSON.stringify({
    ref,
    evaluatedAt: new Date(T0 + minute * MINUTE).toISOString(),
    status: 'healthy',
    objectives: [
      {
        index: 0,
        target: 0.99,
        sli: 0.995,
        budget: { remaining: 1 - minute / 10_000 },
      },
    ],
  } as Partial<SloResult>),
});

describe('SnapshotStore.history', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function storeWith(id: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(id);
    await migrateDatabase(knex);
    // Snapshots of minutes 0..1233 of one SLO, with another SLO's between.
    const rows = Array.from({ length: 1234 }, (_, m) => [
      snapshot('slo:default/a', m),
      snapshot('slo:default/b', m),
    ]).flat();
    for (let i = 0; i < rows.length; i += 500) {
      await knex('slo_snapshots').insert(rows.slice(i, i + 500));
    }
    return new SnapshotStore(knex);
  }
  const minutesOf = (points: { evaluatedAt: string }[]) =>
    points.map(p => (Date.parse(p.evaluatedAt) - T0) / MINUTE);

  it.each(databases.eachSupportedId())(
    'keeps every step-th snapshot and the last, in the database, on %p',
    async id => {
      const store = await storeWith(id);
      const end = T0 + 1233 * MINUTE;
      // 1,234 snapshots, at most 100 points: step ⌈1234 / 100⌉ = 13, so
      // minutes 0, 13, …, 1222 (95 of them) and the last, 1233.
      const thinned = await store.history('slo:default/a', T0, end, 100);
      const expected = [...Array.from({ length: 95 }, (_, k) => k * 13), 1233];
      expect(minutesOf(thinned)).toEqual(expected);
      expect(thinned[1].objectives).toEqual([
        {
          index: 0,
          target: 0.99,
          sli: 0.995,
          remaining: 1 - 13 / 10_000,
        },
      ]);
      // A range is inclusive at both ends; 101 snapshots at most 200 points
      // keep them all.
      const range = await store.history(
        'slo:default/a',
        T0 + 100 * MINUTE,
        T0 + 200 * MINUTE,
        200,
      );
      expect(minutesOf(range)).toEqual(
        Array.from({ length: 101 }, (_, k) => 100 + k),
      );
      // 101 snapshots at most 10 points: step 11, minutes 100…210 by 11 and 200.
      const tight = await store.history(
        'slo:default/a',
        T0 + 100 * MINUTE,
        T0 + 200 * MINUTE,
        10,
      );
      expect(minutesOf(tight)).toEqual([
        100, 111, 122, 133, 144, 155, 166, 177, 188, 199, 200,
      ]);
      expect(await store.history('slo:default/none', T0, end, 100)).toEqual([]);
    },
  );
});

describe('SnapshotStore.listRefs', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  const latest = (name: string, title: string, remaining?: number) =>
    ({
      ref: `slo:default/${name}`,
      serviceRef: `component:default/${name}-service`,
      ownerRef: 'group:default/team',
      title,
      status: remaining === undefined ? 'no-data' : 'healthy',
      evaluatedAt: new Date(T0).toISOString(),
      objectives: [{ budget: { remaining } }],
    } as unknown as SloResult);

  it.each(databases.eachSupportedId())(
    'finds text in the title, SLO or service ref in any case, wildcards taken literally, on %p',
    async id => {
      const knex = await databases.init(id);
      await migrateDatabase(knex);
      const store = new SnapshotStore(knex);
      await store.saveLatest(
        latest('checkout', 'Checkout 100% available', 0.5),
      );
      await store.saveLatest(latest('payments', 'Payments 1000 a minute', 0.2));
      await store.saveLatest(latest('cart_v2', 'Cart', undefined));
      const refs = async (text: string) =>
        (await store.listRefs({ text })).map(r => r.ref);
      expect(await refs('CHECKOUT')).toEqual(['slo:default/checkout']);
      // `%` and `_` are characters here, not LIKE's wildcards.
      expect(await refs('100%')).toEqual(['slo:default/checkout']);
      expect(await refs('t_v')).toEqual(['slo:default/cart_v2']);
      // As a wildcard, `_` would match the space in "1000 a minute".
      expect(await refs('a_m')).toEqual([]);
      expect(await refs('-service')).toEqual([
        'slo:default/payments',
        'slo:default/checkout',
        'slo:default/cart_v2',
      ]);
      expect(await refs('nothing')).toEqual([]);
    },
  );
});

describe('the fleet search migration', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'gives the SLOs already in the fleet their titles, on %p',
    async id => {
      const knex = await databases.init(id);
      const directory = resolvePackagePath(
        '@triad/plugin-slo-backend',
        'migrations',
      );
      // Every migration before 20261206000000_fleet_search.js.
      for (let i = 0; i < 4; i++) await knex.migrate.up({ directory });
      await knex('slo_latest').insert({
        slo_ref: 'slo:default/checkout',
        service_ref: 'component:default/checkout',
        status: 'healthy',
        evaluated_at: T0,
        result: JSON.stringify({ title: 'Checkout availability' }),
      });
      await migrateDatabase(knex);
      const [row] = await new SnapshotStore(knex).listRefs({});
      expect(row.title).toBe('Checkout availability');
    },
  );
});
