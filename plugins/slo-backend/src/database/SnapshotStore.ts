import { Knex } from 'knex';
import {
  FleetEntry,
  SloHistoryPoint,
  SloResult,
  sloRemaining,
  SloStatus,
} from '@triad/plugin-slo-common';

/** Filters of the fleet list; `owners` is any of these owners. */
export interface LatestQuery {
  owners?: readonly string[];
  system?: string;
  status?: SloStatus;
  /** Found in the title, SLO ref or service ref, in any case. */
  text?: string;
}

/** `text` as a LIKE pattern that matches it anywhere, wildcards escaped. */
const containing = (text: string) =>
  `%${text.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;

/** An SLO of the fleet list, before its evaluation is read. */
export interface LatestRef extends FleetEntry {
  title: string;
  serviceRef: string;
  ownerRef?: string;
  systemRef?: string;
}

/**
 * Evaluations kept in the plugin's database: every evaluation for history,
 * and the latest good one per SLO for the fleet list and stale answers.
 */
export class SnapshotStore {
  constructor(private readonly db: Knex) {}

  /** Records a fresh evaluation, for history and as the latest one. */
  async save(result: SloResult): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('slo_snapshots').insert({
        slo_ref: result.ref,
        evaluated_at: Date.parse(result.evaluatedAt),
        result: JSON.stringify(result),
      });
      await this.saveLatest(result, tx);
    });
  }

  /**
   * Replaces the latest state of an SLO without adding history: a stale
   * answer, or an SLO that cannot be evaluated, still shows in the fleet.
   */
  async saveLatest(result: SloResult, tx: Knex = this.db): Promise<void> {
    await tx('slo_latest')
      .insert({
        slo_ref: result.ref,
        service_ref: result.serviceRef,
        owner_ref: result.ownerRef ?? null,
        system_ref: result.systemRef ?? null,
        status: result.status,
        title: result.title.slice(0, 255),
        remaining: sloRemaining(result) ?? null,
        evaluated_at: Date.parse(result.evaluatedAt),
        result: JSON.stringify(result),
      })
      .onConflict('slo_ref')
      .merge();
  }

  /** The latest good evaluation of one SLO. */
  async latest(sloRef: string): Promise<SloResult | undefined> {
    const row = await this.db('slo_latest').where('slo_ref', sloRef).first();
    return row ? (JSON.parse(row.result) as SloResult) : undefined;
  }

  /**
   * The SLOs matching the filters, least remaining budget first, as refs
   * only: a fleet of thousands is ordered and filtered without reading any
   * evaluation's JSON (see `results` for a page's).
   */
  async listRefs(query: LatestQuery): Promise<LatestRef[]> {
    const q = this.db('slo_latest').select(
      'slo_ref',
      'title',
      'service_ref',
      'owner_ref',
      'system_ref',
      'status',
      'remaining',
    );
    if (query.owners) q.whereIn('owner_ref', query.owners);
    if (query.system) q.where('system_ref', query.system);
    if (query.status) q.where('status', query.status);
    if (query.text) {
      q.whereRaw(
        "lower(coalesce(title, '') || ' ' || slo_ref || ' ' || service_ref) like ? escape '\\'",
        [containing(query.text)],
      );
    }
    // SLOs without data sort last, whatever the database's default for nulls.
    q.orderByRaw(
      'case when remaining is null then 1 else 0 end, remaining asc, slo_ref asc',
    );
    const rows = await q;
    return rows.map(r => ({
      ref: r.slo_ref,
      title: r.title ?? r.slo_ref,
      serviceRef: r.service_ref,
      ownerRef: r.owner_ref ?? undefined,
      systemRef: r.system_ref ?? undefined,
      status: r.status,
      remaining: r.remaining ?? undefined,
    }));
  }

  /** The latest evaluations of these SLOs, in the order given. */
  async results(sloRefs: readonly string[]): Promise<SloResult[]> {
    if (!sloRefs.length) return [];
    const rows = await this.db('slo_latest')
      .select('slo_ref', 'result')
      .whereIn('slo_ref', sloRefs);
    const byRef = new Map<string, string>(rows.map(r => [r.slo_ref, r.result]));
    return sloRefs.flatMap(ref => {
      const json = byRef.get(ref);
      return json ? [JSON.parse(json) as SloResult] : [];
    });
  }

  /**
   * History between two times, thinned out in the database to about
   * `maxPoints`: of the n snapshots in the range, every step-th from the
   * first (step = ⌈n / maxPoints⌉) and the last. Only those rows' JSON is
   * read, so a 90-day view at a 5-minute frequency (~26,000 snapshots)
   * parses a few hundred.
   */
  async history(
    sloRef: string,
    fromMs: number,
    toMs: number,
    maxPoints = 500,
  ): Promise<SloHistoryPoint[]> {
    const max = Math.max(1, Math.floor(maxPoints));
    const ranked = this.db('slo_snapshots')
      .select(
        'id',
        this.db.raw('row_number() over (order by evaluated_at, id) - 1 as i'),
        this.db.raw('count(*) over () as n'),
      )
      .where('slo_ref', sloRef)
      .andWhere('evaluated_at', '>=', fromMs)
      .andWhere('evaluated_at', '<=', toMs)
      .as('ranked');
    const kept = this.db
      .select('id')
      .from(ranked)
      .whereRaw('i % ((n + ? - 1) / ?) = 0 or i = n - 1', [max, max]);
    const rows = await this.db('slo_snapshots')
      .select('result')
      .whereIn('id', kept)
      .orderBy([
        { column: 'evaluated_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(r => {
      const result = JSON.parse(r.result) as SloResult;
      return {
        evaluatedAt: result.evaluatedAt,
        status: result.status,
        // Every objective, named by its index so a chart can follow it
        // across snapshots even if objectives were added or removed.
        objectives: result.objectives.map(o => ({
          index: o.index,
          displayName: o.displayName,
          target: o.target,
          sli: o.sli,
          remaining: o.budget.remaining,
          burnRate: o.burnRate,
        })),
      };
    });
  }

  /** Removes snapshots older than `beforeMs`; the latest per SLO stays. */
  async deleteBefore(beforeMs: number): Promise<number> {
    return this.db('slo_snapshots')
      .where('evaluated_at', '<', beforeMs)
      .delete();
  }

  /** Forgets SLOs that are no longer in the catalog. */
  async retainOnly(sloRefs: readonly string[]): Promise<void> {
    await this.db('slo_latest').whereNotIn('slo_ref', sloRefs).delete();
  }
}
