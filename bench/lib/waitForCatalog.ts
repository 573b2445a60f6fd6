import { poll } from '@triad/test-utils';
import knexFactory, { Knex } from 'knex';
import { PG } from './backend';

/** Waits until the catalog in `database` holds `count` stitched entities. */
export async function waitForCatalog(
  database: string,
  count: number,
  timeoutMs: number,
): Promise<void> {
  const db = knexFactory({
    client: 'pg',
    connection: { ...PG, database },
    pool: { min: 0, max: 1 },
  });
  try {
    await poll(
      `${count} entities stitched in ${database}`,
      async () => {
        const done = await countDone(db);
        return done.stitched >= count && done.queued === 0 ? true : undefined;
      },
      timeoutMs,
      500,
    );
    await db.raw('analyze');
  } finally {
    await db.destroy();
  }
}

/** How many entities are stitched, and how many wait to be. */
export async function countDone(db: Knex) {
  const [{ c: stitched }] = (await db('final_entities')
    .whereNotNull('final_entity')
    .count({ c: '*' })) as any;
  const [{ c: queued }] = (await db('stitch_queue').count({ c: '*' })) as any;
  return { stitched: Number(stitched), queued: Number(queued) };
}
