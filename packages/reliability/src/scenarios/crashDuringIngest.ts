import { sleep } from '../lib/children';
import { Answer, call } from '../lib/http';
import { withDatabase } from '../lib/postgres';
import { ScenarioReport } from '../lib/report';
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

interface Sample {
  series: string;
  timestamp: number;
  good: number;
  total: number;
}

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

const keyOf = (s: { series: string; minute: number }) =>
  `${s.series}@${s.minute}`;

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
  const settings = await newBackendSettings(resources, 'crash', {
    slo: { evaluation: { cacheTtl: '1s', frequency: '1h' } },
  });
  const sloDatabase = `${settings.databasePrefix}slo`;
  let api: Api = await startSuiteBackend(resources, 'crash-1', settings, {
    waitForCatalog: false,
  });
  const port = Number(new URL(api.url).port);
  report.note(
    `backend on PostgreSQL database ${sloDatabase}, started in ${(
      api.backend.startupMs / 1000
    ).toFixed(1)} s`,
  );

  const base = Math.floor(Date.now() / MINUTE) - BATCH * BATCHES_PER_SERIES;
  const batches: Batch[] = [];
  const failures: string[] = [];
  let stopping = false;
  let attemptsWithoutAnswer = 0;
  let notMountedYet = 0;
  let unexpected = 0;
  let restarting = false;

  const client = async (c: number) => {
    for (let index = 0; !stopping; index++) {
      const batch = makeBatch(base, c, index);
      batches.push(batch);
      // Retry until acknowledged, as a pipeline would.
      while (!batch.acknowledged) {
        batch.attempts++;
        batch.inFlight = true;
        const a: Answer = await call(`${api.url}/api/slo/v1/samples`, {
          token: settings.token,
          json: { samples: batch.samples },
          timeoutMs: 10_000,
        });
        batch.inFlight = false;
        report.add('requests');
        if (a.status === 202 && a.body?.accepted === BATCH) {
          batch.acknowledged = true;
          report.add('acknowledged', BATCH);
        } else if (a.status === 0 || a.status >= 500) {
          attemptsWithoutAnswer++;
          await sleep(150);
        } else if (a.status === 404 && restarting) {
          // Backstage listens before every plugin is mounted: /api/slo is 404 until then.
          notMountedYet++;
          await sleep(150);
        } else {
          unexpected++;
          failures.push(`batch ${c}/${index}: ${describe(a)}`);
          await sleep(500);
        }
      }
    }
  };

  report.tried(
    `${CLIENTS} clients pushing batches of ${BATCH} samples with the service token; SIGKILL the backend ${KILLS} times while they push, restart it on the same port and database`,
  );
  const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
  const atKill: string[] = [];
  let partial = 0;
  for (let kill = 1; kill <= KILLS; kill++) {
    await sleep(1_500 + Math.floor(Math.random() * 1_000));
    const inFlight = batches.filter(b => b.inFlight && !b.acknowledged);
    const ackedBefore = batches.filter(b => b.acknowledged).length;
    restarting = true;
    await api.backend.kill('SIGKILL');
    report.add('faults');
    // What the database holds of the batches that were on the wire: all or nothing.
    const counts = await withDatabase(sloDatabase, async db => {
      const out: number[] = [];
      for (const b of inFlight) {
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
    const committed = counts.filter(n => n === BATCH).length;
    const none = counts.filter(n => n === 0).length;
    partial += counts.length - committed - none;
    atKill.push(
      `kill ${kill}: ${ackedBefore} batches acknowledged so far, ${
        inFlight.length
      } on the wire: ${committed} stored without their 202 reaching the client, ${none} not stored, ${
        counts.length - committed - none
      } partly stored`,
    );
    report.note(atKill[atKill.length - 1]);
    const restarted = Date.now();
    api = await startSuiteBackend(resources, `crash-${kill + 1}`, settings, {
      port,
      waitForCatalog: false,
    });
    restarting = false;
    report.note(
      `restarted in ${((Date.now() - restarted) / 1000).toFixed(1)} s (pid ${
        api.backend.pid
      })`,
    );
  }
  await sleep(1_500);
  stopping = true;
  await Promise.race([
    Promise.all(clients),
    sleep(30_000).then(() => {
      throw new Error('clients did not finish within 30 s');
    }),
  ]);
  report.held(
    'every batch with a torn write was all or nothing',
    partial === 0,
    atKill.join('; '),
  );

  // Retried batches: send acknowledged batches again, one of them twice at once.
  const acknowledged = batches.filter(b => b.acknowledged);
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

  // The database: every acknowledged sample exactly once, nothing else.
  const expected = new Map<string, { good: number; total: number }>();
  for (const b of acknowledged) {
    for (const s of b.samples) {
      expected.set(
        keyOf({ series: s.series, minute: s.timestamp / MINUTE }),
        s,
      );
    }
  }
  const { rows, duplicates } = await withDatabase(sloDatabase, async db => ({
    rows: await db('slo_samples')
      .select('series', 'minute', 'good', 'total')
      .where('series', 'like', 'crash/%'),
    duplicates: (
      await db('slo_samples')
        .select('series', 'minute')
        .where('series', 'like', 'crash/%')
        .groupBy('series', 'minute')
        .havingRaw('count(*) > 1')
    ).length,
  }));
  const stored = new Map<string, { good: number; total: number }>();
  for (const r of rows) {
    stored.set(keyOf({ series: r.series, minute: Number(r.minute) }), {
      good: Number(r.good),
      total: Number(r.total),
    });
  }
  let missing = 0;
  let wrong = 0;
  for (const [key, s] of expected) {
    const got = stored.get(key);
    if (!got) missing++;
    else if (got.good !== s.good || got.total !== s.total) wrong++;
  }
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
    unexpected === 0 && !failures.length,
    `${attemptsWithoutAnswer} attempts without an answer during the outages, ${notMountedYet} answered 404 while the restarted backend was mounting its plugins (all retried)${
      failures.length ? `; ${failures.slice(0, 3).join('; ')}` : ''
    }`,
  );

  // And through the product: the SLO on crash/c0/0 counts each event once.
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
