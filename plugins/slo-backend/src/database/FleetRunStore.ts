import { Knex } from 'knex';

/** A finished scheduled evaluation of every SLO. */
export interface FleetRun {
  finishedAt: number;
  sloCount: number;
  /** sloRefsFingerprint of the SLOs it evaluated. */
  sloRefsHash: string;
}

/**
 * The last finished scheduled evaluation, kept in the plugin's database so
 * that every instance knows whether the fleet list can be answered.
 */
export class FleetRunStore {
  constructor(private readonly db: Knex) {}

  /** The last finished scheduled evaluation, if any has finished. */
  async lastRun(): Promise<FleetRun | undefined> {
    const row = await this.db('slo_fleet_runs').where('id', 1).first();
    return row
      ? {
          finishedAt: Number(row.finished_at),
          sloCount: Number(row.slo_count),
          sloRefsHash: row.slo_refs_hash,
        }
      : undefined;
  }

  /** Records a finished scheduled evaluation. */
  async saveRun(run: FleetRun): Promise<void> {
    await this.db('slo_fleet_runs')
      .insert({
        id: 1,
        finished_at: run.finishedAt,
        slo_count: run.sloCount,
        slo_refs_hash: run.sloRefsHash,
      })
      .onConflict('id')
      .merge();
  }
}
