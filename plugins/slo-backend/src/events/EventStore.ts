import { SloEvent, SloEventType } from '@triad/plugin-slo-common';
import { Knex } from 'knex';

/** An event as validated for storage; times in epoch ms. */
export interface EventRecord {
  id: string;
  entityRef: string;
  type: SloEventType;
  timeMs: number;
  endMs?: number;
  title: string;
  link?: string;
  version?: string;
}

function toEvent(row: any): SloEvent {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    type: row.type,
    time: new Date(Number(row.time)).toISOString(),
    ...(row.end_time !== null && {
      end: new Date(Number(row.end_time)).toISOString(),
    }),
    title: row.title,
    ...(row.link !== null && { link: row.link }),
    ...(row.version !== null && { version: row.version }),
    recordedAt: new Date(Number(row.recorded_at)).toISOString(),
  };
}

/** Deploy, incident and maintenance events, one row per entity and id. */
export class EventStore {
  constructor(private readonly db: Knex) {}

  /**
   * Stores the event, replacing one with the same entity and id; tells
   * whether it was new.
   */
  async record(
    event: EventRecord,
    recordedAtMs: number,
  ): Promise<{ event: SloEvent; created: boolean }> {
    const row = {
      entity_ref: event.entityRef,
      id: event.id,
      type: event.type,
      time: event.timeMs,
      end_time: event.endMs ?? null,
      title: event.title,
      link: event.link ?? null,
      version: event.version ?? null,
      recorded_at: recordedAtMs,
    };
    const key = { entity_ref: event.entityRef, id: event.id };
    const created = await this.db.transaction(async tx => {
      const existing = await tx('slo_events').where(key).first('id');
      await tx('slo_events')
        .insert(row)
        .onConflict(['entity_ref', 'id'])
        .merge();
      return !existing;
    });
    return { event: toEvent(row), created };
  }

  /**
   * Events of an entity that overlap the range (began by `toMs` and had not
   * ended before `fromMs`), oldest first, at most `limit`.
   */
  async list(
    entityRef: string,
    fromMs: number,
    toMs: number,
    limit = 500,
  ): Promise<SloEvent[]> {
    const rows = await this.db('slo_events')
      .where('entity_ref', entityRef)
      .andWhere('time', '<=', toMs)
      .andWhere(q =>
        q.where('time', '>=', fromMs).orWhere('end_time', '>=', fromMs),
      )
      .orderBy([
        { column: 'time', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.reverse().map(toEvent);
  }

  /** Removes events that ended (or, without an end, happened) before `beforeMs`. */
  async deleteBefore(beforeMs: number): Promise<number> {
    return this.db('slo_events')
      .whereRaw('coalesce(end_time, time) < ?', [beforeMs])
      .delete();
  }
}
