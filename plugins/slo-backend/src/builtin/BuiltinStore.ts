import { Knex } from 'knex';

/** One per-minute sample of the built-in store. */
export interface Sample {
  series: string;
  /** Minutes since the epoch (UTC). */
  minute: number;
  good: number;
  total: number;
}

/** Good and total sums over one window. */
export interface WindowSums {
  good: number;
  total: number;
}

const MINUTE_MS = 60_000;
// Rows per INSERT: 4 bound values each, well under SQLite's and PostgreSQL's limits.
const INSERT_CHUNK = 500;

/** First minute whose start is at or after `ms`. */
export function minuteAtOrAfter(ms: number): number {
  return Math.ceil(ms / MINUTE_MS);
}

/**
 * The built-in SLI store: per-series, per-minute good/total counts in the
 * plugin's own database.
 */
export class BuiltinStore {
  constructor(private readonly db: Knex) {}

  /**
   * Stores a batch atomically. A sample for a series and minute that is
   * already stored replaces it, so retried batches never double count.
   */
  async ingest(samples: readonly Sample[]): Promise<void> {
    await this.db.transaction(async tx => {
      for (let i = 0; i < samples.length; i += INSERT_CHUNK) {
        await tx('slo_samples')
          .insert(samples.slice(i, i + INSERT_CHUNK))
          .onConflict(['series', 'minute'])
          .merge(['good', 'total']);
      }
    });
  }

  /**
   * Sums of one series over windows that all end at `endMs` (exclusive), in a
   * single query. A minute counts when its start lies inside the window.
   */
  async windowSums(
    series: string,
    endMs: number,
    windowsMs: readonly number[],
  ): Promise<WindowSums[]> {
    if (!windowsMs.length) return [];
    const end = minuteAtOrAfter(endMs);
    const starts = windowsMs.map(w => minuteAtOrAfter(endMs - w));
    const columns = starts.flatMap((start, i) => [
      this.db.raw('sum(case when minute >= ? then good else 0 end) as ??', [
        start,
        `g${i}`,
      ]),
      this.db.raw('sum(case when minute >= ? then total else 0 end) as ??', [
        start,
        `t${i}`,
      ]),
    ]);
    const row = await this.db('slo_samples')
      .select(columns)
      .where('series', series)
      .andWhere('minute', '>=', Math.min(...starts))
      .andWhere('minute', '<', end)
      .first();
    return starts.map((_, i) => ({
      good: Number(row?.[`g${i}`] ?? 0),
      total: Number(row?.[`t${i}`] ?? 0),
    }));
  }

  /** Every sample of a series in [fromMs, toMs), oldest first. */
  async samples(
    series: string,
    fromMs: number,
    toMs: number,
  ): Promise<Sample[]> {
    const rows = await this.db('slo_samples')
      .select('series', 'minute', 'good', 'total')
      .where('series', series)
      .andWhere('minute', '>=', minuteAtOrAfter(fromMs))
      .andWhere('minute', '<', minuteAtOrAfter(toMs))
      .orderBy('minute');
    return rows.map(r => ({
      series: r.series,
      minute: Number(r.minute),
      good: Number(r.good),
      total: Number(r.total),
    }));
  }

  /** Deletes samples older than `beforeMs`; returns how many. */
  async deleteBefore(beforeMs: number): Promise<number> {
    return this.db('slo_samples')
      .where('minute', '<', minuteAtOrAfter(beforeMs))
      .delete();
  }
}
