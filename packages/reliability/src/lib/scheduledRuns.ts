import { Api } from '../suite/context';

/**
 * Backstage's scheduler looks for due work every 5 s, so a run may start up
 * to 5 s late (plus 1 s for the look and the claim themselves); the next one
 * is then due `frequency` after the slot, not after the late start. Each
 * replica looks on its own phase, so two runs can be much closer than
 * `frequency` (one replica late in a slot, the other early in the next), but
 * never in the same slot and never overlapping.
 */
export const START_JITTER_MS = 6_000;

export interface Run {
  replica: string;
  start: number;
  end: number;
  message: string;
}

/**
 * "Evaluated N SLOs" lines of a replica, timed by the backend itself (its
 * `startedAt` and `durationMs` fields): when the suite reads a line depends
 * on each child's output buffering. `clockOffsetMs` is how far the
 * replica's clock is ahead.
 */
export function runsOf(api: Api, replica: string, clockOffsetMs = 0): Run[] {
  return api.backend.grep(/^Evaluated \d+ SLOs/).map(l => {
    const start = Date.parse(String(l.startedAt)) - clockOffsetMs;
    const durationMs = Number(l.durationMs);
    if (!Number.isFinite(start + durationMs)) {
      throw new Error(
        `replica ${replica} logged a run without startedAt/durationMs: ${JSON.stringify(
          l,
        )}`,
      );
    }
    return { replica, start, end: start + durationMs, message: l.message };
  });
}

/**
 * How runs sorted by start kept to their schedule: the idle time between the
 * end of one and the start of the next (negative when two overlapped), the
 * time from the first start to the last, and how many runs that span allows.
 */
export function scheduleOf(runs: Run[], frequencyMs: number) {
  const gaps = runs.slice(1).map((r, i) => r.start - runs[i].end);
  const spanMs = runs[runs.length - 1].start - runs[0].start;
  const allowed = Math.floor((spanMs + START_JITTER_MS) / frequencyMs) + 1;
  const keptTo = runs.length <= allowed && gaps.every(g => g >= 0);
  return { gaps, spanMs, allowed, keptTo };
}
