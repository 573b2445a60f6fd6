import { sleep } from '../lib/children';
import { poll } from '@triad/test-utils';
import { Answer, call, errorMessage } from '../lib/http';
import { BackendSettings } from '../lib/fixtures';
import { PrivatePostgres, startPrivatePostgres } from '../lib/privatePostgres';
import { ScenarioReport } from '../lib/report';
import {
  clientsFinished,
  compareSamples,
  Sample,
  sampleKey,
  samplesByKey,
  storedSamples,
  Values,
} from '../lib/samples';
import {
  Api,
  databasePrefix,
  describe,
  newBackendSettings,
  Resources,
  startSuiteBackend,
} from '../suite/context';

const MINUTE = 60_000;
const CLIENTS = 3;
const BATCH = 60; // samples (minutes) per batch
const BATCHES_PER_SERIES = 48; // 48 × 60 minutes = 2 days
const RESTARTS = 2;
/** Longer than the evaluation frequency, so a scheduled run falls due while the database is away. */
const DOWN_MS = 6_000;
const FREQUENCY_MS = 5_000;
/** "Within seconds": a bound on the time from the database accepting queries to the first acknowledged batch. */
const RECOVERY_BOUND_MS = 10_000;
const MESSAGE = 'The database is unavailable; try again in a few seconds';

interface Batch {
  samples: Sample[];
  acknowledged: boolean;
}

interface Outage {
  down: number;
  up: number;
  recoveryMs?: number;
}

function makeBatch(base: number, client: number, index: number): Batch {
  const series = `db/c${client}/${Math.floor(index / BATCHES_PER_SERIES)}`;
  const first = base + (index % BATCHES_PER_SERIES) * BATCH;
  return {
    acknowledged: false,
    samples: Array.from({ length: BATCH }, (_, i) => {
      const total = 100 + ((client * 11 + index * 7 + i) % 40);
      return {
        series,
        timestamp: (first + i) * MINUTE,
        good: total - ((client + index + i) % 4),
        total,
      };
    }),
  };
}

/**
 * 8. The database restarts: a private PostgreSQL under the backend is
 * stopped (fast shutdown) and started again twice while clients push
 * samples and the evaluation of every SLO is scheduled every 5 s.
 */
export function databaseRestart(report: ScenarioReport) {
  return Resources.using(resources => run(report, resources));
}

async function run(report: ScenarioReport, resources: Resources) {
  const ingest = await startIngest(report, resources);
  report.tried(
    `${CLIENTS} clients pushing batches of ${BATCH} samples; stop PostgreSQL (fast shutdown) for ${
      DOWN_MS / 1000
    } s and start it again, ${RESTARTS} times, while they push and while the scheduled evaluation falls due`,
  );
  const clients = Array.from({ length: CLIENTS }, (_, c) => push(ingest, c));
  const outages: Outage[] = [];
  for (let restart = 1; restart <= RESTARTS; restart++) {
    outages.push(await restartDatabase(ingest, restart));
  }
  await sleep(2_000);
  ingest.stopping = true;
  await clientsFinished(clients);
  report.add('unavailable', ingest.unavailable);
  report.add('serverErrors', ingest.serverErrors);
  checkRecovery(ingest, outages);
  checkAnswersWhileAway(ingest);
  await checkNextScheduledRun(ingest, outages);
  await checkStored(ingest);
}

/** The backend on a private PostgreSQL, the batches its clients pushed and what they saw. */
interface Ingest {
  report: ScenarioReport;
  pg: PrivatePostgres;
  settings: BackendSettings;
  sloDatabase: string;
  api: Api;
  pid: number;
  base: number;
  batches: Batch[];
  /** When each batch was acknowledged. */
  acks: number[];
  unexpected: string[];
  /** 503 answers by Retry-After and message. */
  retryAfter: Map<string, number>;
  unavailable: number;
  serverErrors: number;
  noAnswer: number;
  stopping: boolean;
}

async function startIngest(
  report: ScenarioReport,
  resources: Resources,
): Promise<Ingest> {
  const pg = await startPrivatePostgres();
  resources.add(() => pg.destroy());
  const settings = await newBackendSettings(resources, 'database', {
    postgres: pg.settings,
    // The private server goes with its data: nothing to drop on the shared one.
    databasePrefix: databasePrefix('database'),
    slo: {
      evaluation: { cacheTtl: '1s', frequency: `${FREQUENCY_MS / 1000}s` },
    },
  });
  const sloDatabase = `${settings.databasePrefix}slo`;
  const api = await startSuiteBackend(resources, 'database', settings);
  const pid = api.backend.pid;
  report.note(
    `private PostgreSQL on 127.0.0.1:${pg.settings.port}; backend ${
      api.url
    } (pid ${pid}) on database ${sloDatabase}, slo.evaluation.frequency ${
      FREQUENCY_MS / 1000
    }s`,
  );
  return {
    report,
    pg,
    settings,
    sloDatabase,
    api,
    pid,
    base: Math.floor(Date.now() / MINUTE) - BATCH * BATCHES_PER_SERIES,
    batches: [],
    acks: [],
    unexpected: [],
    retryAfter: new Map(),
    unavailable: 0,
    serverErrors: 0,
    noAnswer: 0,
    stopping: false,
  };
}

/** One client: pushes batch after batch until told to stop, each until acknowledged. */
async function push(ingest: Ingest, c: number) {
  const { report, retryAfter, unexpected } = ingest;
  for (let index = 0; !ingest.stopping; index++) {
    const batch = makeBatch(ingest.base, c, index);
    ingest.batches.push(batch);
    // Until acknowledged; eagerly (100 ms), not after Retry-After, to time the recovery.
    while (!batch.acknowledged) {
      const a: Answer = await call(`${ingest.api.url}/api/slo/v1/samples`, {
        token: ingest.settings.token,
        json: { samples: batch.samples },
        timeoutMs: 15_000,
      });
      report.add('requests');
      if (a.status === 202 && a.body?.accepted === BATCH) {
        batch.acknowledged = true;
        ingest.acks.push(Date.now());
        report.add('acknowledged', BATCH);
        continue;
      }
      if (a.status === 503) {
        ingest.unavailable++;
        const key = `Retry-After ${a.headers['retry-after']}, "${errorMessage(
          a,
        )}"`;
        retryAfter.set(key, (retryAfter.get(key) ?? 0) + 1);
      } else if (a.status === 0) {
        ingest.noAnswer++;
        unexpected.push(describe(a));
      } else {
        if (a.status >= 500) ingest.serverErrors++;
        unexpected.push(describe(a));
      }
      await sleep(100);
    }
  }
}

/** Stops PostgreSQL for DOWN_MS, starts it again and times the first acknowledged batch after. */
async function restartDatabase(
  { report, pg, acks }: Ingest,
  restart: number,
): Promise<Outage> {
  await sleep(2_000 + Math.floor(Math.random() * 1_000));
  const down = Date.now();
  await pg.stop();
  report.add('faults');
  await sleep(DOWN_MS);
  const startupMs = await pg.start();
  const up = Date.now();
  const firstAck = await poll(
    'an acknowledged batch after the database came back',
    async () => acks.find(t => t >= up),
    30_000,
    20,
  ).catch(() => undefined);
  const recoveryMs = firstAck === undefined ? undefined : firstAck - up;
  report.note(
    `restart ${restart}: down ${((up - down) / 1000).toFixed(
      1,
    )} s (PostgreSQL took ${startupMs} ms to accept queries again); first acknowledged batch ${
      recoveryMs === undefined ? 'never came' : `${recoveryMs} ms after that`
    }`,
  );
  return { down, up, recoveryMs };
}

function checkRecovery({ report, api, pid }: Ingest, outages: Outage[]) {
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

function checkAnswersWhileAway(ingest: Ingest) {
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
async function checkNextScheduledRun(
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
async function checkStored({ report, batches, sloDatabase, pg }: Ingest) {
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
