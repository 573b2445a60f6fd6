import { SloAlertState } from '@triad/plugin-slo-common';
import { Knex } from 'knex';

/** The recorded state of one SLO and the version a change must name. */
export interface RecordedSloAlertState {
  state: SloAlertState;
  version: number;
}

const TABLE = 'slo_alert_states';

/**
 * The last state of each SLO that notifications compare with. Changes are
 * compare-and-set on `version`, so a transition is claimed by one run only.
 */
export class SloAlertStateStore {
  constructor(private readonly db: Knex) {}

  /** Every recorded state, by SLO ref. */
  async all(): Promise<Map<string, RecordedSloAlertState>> {
    return this.toMap(
      await this.db(TABLE).select('slo_ref', 'state', 'version'),
    );
  }

  /** The recorded states of these SLOs (a batch of the fleet), by SLO ref. */
  async of(
    sloRefs: readonly string[],
  ): Promise<Map<string, RecordedSloAlertState>> {
    if (!sloRefs.length) return new Map();
    return this.toMap(
      await this.db(TABLE)
        .select('slo_ref', 'state', 'version')
        .whereIn('slo_ref', sloRefs),
    );
  }

  private toMap(
    rows: { slo_ref: string; state: string; version: number | string }[],
  ): Map<string, RecordedSloAlertState> {
    return new Map(
      rows.map(r => [
        r.slo_ref,
        { state: JSON.parse(r.state), version: Number(r.version) },
      ]),
    );
  }

  /**
   * Records `state` if the SLO's row is still at `previous` (absent when
   * undefined); the new version, or undefined when another run got there
   * first.
   */
  async claim(
    sloRef: string,
    previous: RecordedSloAlertState | undefined,
    state: SloAlertState,
    now: number,
  ): Promise<number | undefined> {
    const row = { state: JSON.stringify(state), changed_at: now };
    if (!previous) {
      const inserted = await this.db(TABLE)
        .insert({ slo_ref: sloRef, version: 1, ...row })
        .onConflict('slo_ref')
        .ignore()
        .returning('slo_ref');
      return inserted.length ? 1 : undefined;
    }
    const version = previous.version + 1;
    const updated = await this.db(TABLE)
      .where({ slo_ref: sloRef, version: previous.version })
      .update({ ...row, version });
    return updated ? version : undefined;
  }

  /**
   * Puts back the state a claim replaced (its notification could not be
   * sent), so the next run finds the transition again.
   */
  async release(
    sloRef: string,
    claimedVersion: number,
    previous: RecordedSloAlertState,
    now: number,
  ): Promise<void> {
    await this.db(TABLE)
      .where({ slo_ref: sloRef, version: claimedVersion })
      .update({
        state: JSON.stringify(previous.state),
        version: claimedVersion + 1,
        changed_at: now,
      });
  }

  /** Forgets SLOs that left the catalog. */
  async retainOnly(sloRefs: readonly string[]): Promise<void> {
    await this.db(TABLE).whereNotIn('slo_ref', sloRefs).delete();
  }
}
