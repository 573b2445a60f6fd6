import knexFactory from 'knex';
import { PG } from '../../lib/backend';
import { log } from '../../lib/report';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** The default `slo.evaluation.frequency`. */
const FREQUENCY = 5 * MINUTE;

/**
 * Writes 90 days of snapshots of one SLO at the default 5-minute frequency
 * (25,920 rows) straight into the SLO plugin's `slo_snapshots` table, as the
 * migrations define it, in place of the SLO's snapshots so far: each a copy
 * of its latest evaluation with its own time, ending at `endMs` and beginning
 * an hour inside the 90 days.
 */
export async function writeHistory(
  database: string,
  sloRef: string,
  endMs: number,
): Promise<number> {
  const db = knexFactory({
    client: 'pg',
    connection: { ...PG, database },
    pool: { min: 0, max: 1 },
  });
  try {
    const latest = await db('slo_latest').where('slo_ref', sloRef).first();
    if (!latest) throw new Error(`${sloRef} has no latest evaluation`);
    const result = JSON.parse(latest.result);
    const count = Math.floor((90 * DAY - 60 * MINUTE) / FREQUENCY);
    log(`writing ${count} snapshots of ${sloRef} (90 days, every 5 minutes)`);
    const rows = Array.from({ length: count }, (_, i) => {
      const at = endMs - (count - 1 - i) * FREQUENCY;
      return {
        slo_ref: sloRef,
        evaluated_at: at,
        result: JSON.stringify({
          ...result,
          evaluatedAt: new Date(at).toISOString(),
        }),
      };
    });
    await db('slo_snapshots').where('slo_ref', sloRef).delete();
    await db.batchInsert('slo_snapshots', rows, 1000);
    // As autovacuum would after so many inserts (it also marks the pages
    // all-visible, which lets PostgreSQL rank them from the index alone).
    await db.raw('vacuum analyze slo_snapshots');
    return count;
  } finally {
    await db.destroy();
  }
}
