import { poll } from '@triad/test-utils';
import {
  compareSamples,
  sampleKey,
  samplesByKey,
  storedSamples,
  Values,
} from '../../lib/samples';
import {
  Ingest,
  Outage,
  FREQUENCY_MS,
  RECOVERY_BOUND_MS,
  MESSAGE,
} from './ingest';

export function checkRecovery({ report, api, pid }: Ingest, outages: Outage[]) {
  const recoveries = outages.map(o => o.recoveryMs);
  report.held(
    `the backend recovers by itself within ${
      RECOVERY_BOUND_MS / 1000
    } s of the database being back, without a restart`,
    recoveries.every(r => r !== undefined && r <= RECOVERY_BOUND_MS) &&
      api.backend.alive() &&
      api.backend.pid === pid,
    `first acknowledged batch ${recoveries
      .map(r => (r === undefined ? 'never' : `${r} ms`))
      .join(', ')} after each start; backend pid ${pid} ${
      api.backend.alive() ? 'still running' : 'gone'
    }`,
  );
}

export function checkAnswersWhileAway(ingest: Ingest) {
  const { report, retryAfter, unexpected, unavailable } = ingest;
  const clear = [...retryAfter.keys()].every(
    k => k === `Retry-After 5, "${MESSAGE}"`,
  );
  report.held(
    'while the database is away callers get 503 with Retry-After and a clear message, no other error',
    unavailable > 0 && clear && unexpected.length === 0,
    `${unavailable} × 503 (${[...retryAfter.entries()]
      .map(([k, n]) => `${n} × ${k}`)
      .join('; ')}); ${ingest.serverErrors} other 5xx, ${
      ingest.noAnswer
    } without an answer${
      unexpected.length ? `: ${unexpected.slice(0, 3).join('; ')}` : ''
    }`,
  );
}

/** The next scheduled run after the last restart. */
export async function checkNextScheduledRun(
  { report, api }: Ingest,
  outages: Outage[],
) {
  const lastUp = outages[outages.length - 1].up;
  const runsAfter = () =>
    api.backend
      .grep(/^Evaluated \d+ SLOs/)
      .map(l => Date.parse(String(l.startedAt)))
      .filter(t => t >= lastUp);
  const nextRun = await poll(
    'a scheduled run after the database came back',
    async () => runsAfter()[0],
    30_000,
    250,
  ).catch(() => undefined);
  const interrupted = api.backend.grep(
    /^The evaluation of every SLO stopped: the database is unavailable/,
  ).length;
  const runsDuring = outages.map(
    o =>
      api.backend.grep(/^Evaluated \d+ SLOs/).filter(l => {
        const t = Date.parse(String(l.startedAt));
        return t > o.down && t < o.up;
      }).length,
  );
  report.held(
    'the next scheduled run happens once the database is back',
    nextRun !== undefined,
    nextRun === undefined
      ? 'none within 30 s'
      : `started ${((nextRun - lastUp) / 1000).toFixed(
          1,
        )} s after the last start (frequency ${
          FREQUENCY_MS / 1000
        } s; runs finished while the database was away: ${runsDuring.join(
          ', ',
        )}; runs that lost the database midway and waited for it: ${interrupted})`,
  );
}

/** Every acknowledged sample exactly once, with its values. */
export async function checkStored({
  report,
  batches,
  sloDatabase,
  pg,
}: Ingest) {
  const acknowledged = batches.filter(b => b.acknowledged);
  const expected = samplesByKey(acknowledged);
  const { stored, duplicates } = await storedSamples(
    sloDatabase,
    'db/',
    pg.settings,
  );
  const { missing, wrong } = compareSamples(expected, stored);
  // Batches never acknowledged (on the wire when the clients stopped) may be stored or not.
  const unacknowledged = new Set(
    batches.filter(b => !b.acknowledged).flatMap(b => b.samples.map(sampleKey)),
  );
  const extra = [...stored.keys()].filter(
    k => !expected.has(k) && !unacknowledged.has(k),
  ).length;
  report.add('lost', missing);
  const sum = (m: Map<string, Values>, keys: Iterable<string>) =>
    [...keys].reduce((n, k) => n + (m.get(k)?.total ?? 0), 0);
  report.held(
    'no acknowledged sample lost, none counted twice',
    missing === 0 &&
      wrong === 0 &&
      duplicates === 0 &&
      extra === 0 &&
      sum(stored, expected.keys()) === sum(expected, expected.keys()),
    `${acknowledged.length} batches (${expected.size} samples) acknowledged; ${
      stored.size
    } rows; missing ${missing}, wrong values ${wrong}, duplicated ${duplicates}, unexpected ${extra}; ${sum(
      stored,
      expected.keys(),
    )} events stored for ${sum(expected, expected.keys())} acknowledged`,
  );
}
