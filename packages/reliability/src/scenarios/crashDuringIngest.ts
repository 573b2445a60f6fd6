import { sleep } from '../lib/children';
import { Answer, call } from '../lib/http';
import { withDatabase } from '../lib/postgres';
import { ScenarioReport } from '../lib/report';
import {
  clientsFinished,
  compareSamples,
  Sample,
  samplesByKey,
  storedSamples,
} from '../lib/samples';
import { BackendSettings } from '../lib/fixtures';
import {
  Api,
  describe,
  newBackendSettings,
  Resources,
  startSuiteBackend,
} from '../suite/context';

const MINUTE = 60_000;
const CLIENTS = 4;
const BATCH = 240; // samples (minutes) per batch
const BATCHES_PER_SERIES = 18; // 18 × 240 minutes = 3 days
const KILLS = 2;

interface Batch {
  client: number;
  index: number;
  samples: Sample[];
  acknowledged: boolean;
  attempts: number;
  /** An attempt is on the wire right now. */
  inFlight: boolean;
}

/** Batch `index` of client `client`: deterministic, distinct minutes per series. */
function makeBatch(base: number, client: number, index: number): Batch {
  const series = `crash/c${client}/${Math.floor(index / BATCHES_PER_SERIES)}`;
  const first = base + (index % BATCHES_PER_SERIES) * BATCH;
  const samples = Array.from({ length: BATCH }, (_, i) => {
    const total = 100 + ((client * 7 + index * 13 + i) % 50);
    return {
      series,
      timestamp: (first + i) * MINUTE,
      good: total - ((client + index + i) % 3),
      total,
    };
  });
  return {
    client,
    index,
    samples,
    acknowledged: false,
    attempts: 0,
    inFlight: false,
  };
}

/**
 * 3. Crash during ingest: clients push batches while the backend is killed
 * with SIGKILL, twice; after each restart they retry what was not
 * acknowledged. PostgreSQL must then hold every acknowledged sample exactly
 * once.
 */
export function crashDuringIngest(report: ScenarioReport) {
  return Resources.using(resources => run(report, resources));
}

async function run(report: ScenarioReport, resources: Resources) {
  const ingest = await startIngest(report, resources);
  report.tried(
    `${CLIENTS} clients pushing batches of ${BATCH} samples with the service token; SIGKILL the backend ${KILLS} times while they push, restart it on the same port and database`,
  );
  const clients = Array.from({ length: CLIENTS }, (_, c) => push(ingest, c));
  const atKill: string[] = [];
  let partial = 0;
  for (let kill = 1; kill <= KILLS; kill++) {
    const torn = await killAndRestart(ingest, resources, kill);
    atKill.push(torn.note);
    partial += torn.partial;
  }
  await sleep(1_500);
  ingest.stopping = true;
  await clientsFinished(clients);
  report.held(
    'every batch with a torn write was all or nothing',
    partial === 0,
    atKill.join('; '),
  );
  await resendAcknowledged(ingest);
  const expected = await checkStored(ingest);
  await checkThroughTheProduct(ingest, expected);
}

/** The backend under test, the batches its clients pushed and what they saw. */
interface Ingest {
  report: ScenarioReport;
  settings: BackendSettings;
  sloDatabase: string;
  api: Api;
  port: number;
  base: number;
  batches: Batch[];
  failures: string[];
  stopping: boolean;
  restarting: boolean;
  attemptsWithoutAnswer: number;
  notMountedYet: number;
  unexpected: number;
}

async function startIngest(
  report: ScenarioReport,
  resources: Resources,
): Promise<Ingest> {
  const settings = await newBackendSettings(resources, 'crash', {
    slo: { evaluation: { cacheTtl: '1s', frequency: '1h' } },
  });
  const sloDatabase = `${settings.databasePrefix}slo`;
  const api = await startSuiteBackend(resources, 'crash-1', settings, {
    waitForCatalog: false,
  });
  report.note(
    `backend on PostgreSQL database ${sloDatabase}, started in ${(
      api.backend.startupMs / 1000
    ).toFixed(1)} s`,
  );
  return {
    report,
    settings,
    sloDatabase,
    api,
    port: Number(new URL(api.url).port),
    base: Math.floor(Date.now() / MINUTE) - BATCH * BATCHES_PER_SERIES,
    batches: [],
    failures: [],
    stopping: false,
    restarting: false,
    attemptsWithoutAnswer: 0,
    notMountedYet: 0,
    unexpected: 0,
  };
}

/** One client: pushes batch after batch until told to stop, each until acknowledged. */
async function push(ingest: Ingest, c: number) {
  const { report } = ingest;
  for (let index = 0; !ingest.stopping; index++) {
    const batch = makeBatch(ingest.base, c, index);
    ingest.batches.push(batch);
    // Retry until acknowledged, as a pipeline would.
    while (!batch.acknowledged) {
      batch.attempts++;
      batch.inFlight = true;
      const a: Answer = await call(`${ingest.api.url}/api/slo/v1/samples`, {
        token: ingest.settings.token,
        json: { samples: batch.samples },
        timeoutMs: 10_000,
      });
      batch.inFlight = false;
      report.add('requests');
      if (a.status === 202 && a.body?.accepted === BATCH) {
        batch.acknowledged = true;
        report.add('acknowledged', BATCH);
      } else if (a.status === 0 || a.status >= 500) {
        ingest.attemptsWithoutAnswer++;
        await sleep(150);
      } else if (a.status === 404 && ingest.restarting) {
        // Backstage listens before every plugin is mounted: /api/slo is 404 until then.
        ingest.notMountedYet++;
        await sleep(150);
      } else {
        ingest.unexpected++;
        ingest.failures.push(`batch ${c}/${index}: ${describe(a)}`);
        await sleep(500);
      }
    }
  }
}

/** SIGKILLs the backend mid-push, looks at the batches that were on the wire, and restarts it on the same port. */
async function killAndRestart(
  ingest: Ingest,
  resources: Resources,
  kill: number,
): Promise<{ note: string; partial: number }> {
  const { report } = ingest;
  await sleep(1_500 + Math.floor(Math.random() * 1_000));
  const inFlight = ingest.batches.filter(b => b.inFlight && !b.acknowledged);
  const ackedBefore = ingest.batches.filter(b => b.acknowledged).length;
  ingest.restarting = true;
  await ingest.api.backend.kill('SIGKILL');
  report.add('faults');
  const counts = await storedOf(ingest.sloDatabase, inFlight);
  const committed = counts.filter(n => n === BATCH).length;
  const none = counts.filter(n => n === 0).length;
  const partial = counts.length - committed - none;
  const note = `kill ${kill}: ${ackedBefore} batches acknowledged so far, ${inFlight.length} on the wire: ${committed} stored without their 202 reaching the client, ${none} not stored, ${partial} partly stored`;
  report.note(note);
  const restarted = Date.now();
  ingest.api = await startSuiteBackend(
    resources,
    `crash-${kill + 1}`,
    ingest.settings,
    { port: ingest.port, waitForCatalog: false },
  );
  ingest.restarting = false;
  report.note(
    `restarted in ${((Date.now() - restarted) / 1000).toFixed(1)} s (pid ${
      ingest.api.backend.pid
    })`,
  );
  return { note, partial };
}

/** How many samples of each batch the database holds: a torn write shows as neither 0 nor BATCH. */
function storedOf(sloDatabase: string, batches: Batch[]): Promise<number[]> {
  return withDatabase(sloDatabase, async db => {
    const out: number[] = [];
    for (const b of batches) {
      const first = b.samples[0].timestamp / MINUTE;
      const [{ n }] = await db('slo_samples')
        .where('series', b.samples[0].series)
        .andWhere('minute', '>=', first)
        .andWhere('minute', '<', first + BATCH)
        .count({ n: '*' });
      out.push(Number(n));
    }
    return out;
  });
}

/** Retried batches: acknowledged batches sent again, one of them twice at once. */
async function resendAcknowledged(ingest: Ingest) {
  const { report, api, settings } = ingest;
  const acknowledged = ingest.batches.filter(b => b.acknowledged);
  const again = acknowledged.filter((_, i) => i % 5 === 0).slice(0, 10);
  report.tried(
    `re-sending ${again.length} acknowledged batches, and one of them twice concurrently`,
  );
  const resent = await Promise.all(
    [...again, again[0]].map(b =>
      call(`${api.url}/api/slo/v1/samples`, {
        token: settings.token,
        json: { samples: b.samples },
      }),
    ),
  );
  report.add('requests', resent.length);
  report.held(
    'retried batches are accepted again',
    resent.every(a => a.status === 202),
    resent
      .filter(a => a.status !== 202)
      .map(describe)
      .join('; ') || `${resent.length} × 202`,
  );
}

/** The database: every acknowledged sample exactly once, nothing else. */
async function checkStored(ingest: Ingest) {
  const { report, failures } = ingest;
  const acknowledged = ingest.batches.filter(b => b.acknowledged);
  const expected = samplesByKey(acknowledged);
  const { stored, duplicates } = await storedSamples(
    ingest.sloDatabase,
    'crash/',
  );
  const { missing, wrong } = compareSamples(expected, stored);
  const extra = [...stored.keys()].filter(k => !expected.has(k)).length;
  report.add('lost', missing);
  const sumExpected = [...expected.values()].reduce((n, s) => n + s.total, 0);
  const sumStored = [...stored.values()].reduce((n, s) => n + s.total, 0);
  report.held(
    'every acknowledged sample is stored exactly once, with its values',
    missing === 0 && wrong === 0 && duplicates === 0 && extra === 0,
    `${acknowledged.length} batches (${expected.size} samples) acknowledged; ${stored.size} rows; missing ${missing}, wrong values ${wrong}, duplicated ${duplicates}, unexpected ${extra}`,
  );
  report.held(
    'no double counting: event totals match',
    sumExpected === sumStored,
    `${sumStored} events stored, ${sumExpected} sent`,
  );
  report.held(
    'clients saw no error other than the outages',
    ingest.unexpected === 0 && !failures.length,
    `${
      ingest.attemptsWithoutAnswer
    } attempts without an answer during the outages, ${
      ingest.notMountedYet
    } answered 404 while the restarted backend was mounting its plugins (all retried)${
      failures.length ? `; ${failures.slice(0, 3).join('; ')}` : ''
    }`,
  );
  return expected;
}

/** Through the product: the SLO on crash/c0/0 counts each event once. */
async function checkThroughTheProduct(
  { report, api }: Ingest,
  expected: Map<string, { good: number; total: number }>,
) {
  await api.waitForCatalog();
  const series = [...expected.entries()].filter(([k]) =>
    k.startsWith('crash/c0/0@'),
  );
  const good = series.reduce((n, [, s]) => n + s.good, 0);
  const total = series.reduce((n, [, s]) => n + s.total, 0);
  const slo = await api.service('/api/slo/v1/slos/default/slo-crash');
  report.add('requests');
  const objective = slo.body?.objectives?.[0];
  report.held(
    'the SLO evaluates to the acknowledged events, once each',
    slo.status === 200 &&
      Math.abs(objective?.sli - good / total) < 1e-12 &&
      Math.abs(objective?.budget?.totalEvents - 0.01 * total) < 1e-6,
    `sli ${objective?.sli} (expected ${
      good / total
    } from ${total} events), error budget ${
      objective?.budget?.totalEvents
    } events`,
  );
}
