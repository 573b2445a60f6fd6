/*
 * 3. The built-in store: ingest throughput through BuiltinStore.ingest on
 * SQLite and PostgreSQL, through POST /api/slo/v1/samples, and evaluation
 * over 28 days of per-minute data.
 */
import catalogPlugin from '@backstage/plugin-catalog-backend';
import sloPlugin from '@triad/plugin-slo-backend';
import {
  BuiltinStore,
  builtinDataSource,
  Sample,
} from '@triad/plugin-slo-backend/testUtils';
import {
  alertTiersForPeriod,
  periodAt,
  SloDocument,
  timeSliceMs,
  toTimeWindow,
  validateOpenSloDocument,
} from '@triad/plugin-slo-common';
import { mkdtempSync, rmSync } from 'fs';
import knexFactory, { Knex } from 'knex';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { args } from '../lib/args';
import { dropDatabases, PG, pgAdmin, startBenchBackend } from '../lib/backend';
import { fmt, log, partResult, runPart } from '../lib/report';
import { now, summary, timeEach } from '../lib/util';

const MINUTE = 60_000;
const DAYS = 28;
const BATCH = 10_000; // slo.builtin.maxBatchSize default

/** 28 days of per-minute samples of one series, ending a minute ago. */
function series(name: string, endMinute: number): Sample[] {
  const n = DAYS * 24 * 60;
  return Array.from({ length: n }, (_, i) => {
    const total = 600 + ((i * 7919) % 800);
    return {
      series: name,
      minute: endMinute - (n - 1 - i),
      good: total - ((i * 31) % 3),
      total,
    };
  });
}

function slo(method: 'Occurrences' | 'Timeslices', name: string): SloDocument {
  const result = validateOpenSloDocument({
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'bench' },
    spec: {
      service: 'svc',
      indicator: {
        metadata: { name: 'bench-sli' },
        spec: {
          ratioMetric: {
            counter: true,
            good: { metricSource: { type: 'builtin', spec: { series: name } } },
            total: {
              metricSource: { type: 'builtin', spec: { series: name } },
            },
          },
        },
      },
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: method,
      objectives: [
        method === 'Timeslices'
          ? { target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '5m' }
          : { target: 0.999 },
      ],
    },
  });
  if (!result.ok || result.document.kind !== 'SLO')
    throw new Error('invalid bench SLO');
  return result.document as SloDocument;
}

async function migrate(db: Knex) {
  await db.migrate.latest({
    directory: resolve(__dirname, '../../plugins/slo-backend/migrations'),
  });
}

async function main() {
  const { quick } = args();
  const out = partResult('builtin');
  const nSeries = quick ? 3 : 10;
  const endMinute = Math.floor(Date.now() / MINUTE) - 1;
  const section = `Built-in store, ${nSeries} series × 28 days per minute`;

  const dir = mkdtempSync(join(tmpdir(), 'triad-bench-sqlite-'));
  await dropDatabases('triad_bench_store');
  const admin = pgAdmin();
  await admin.raw('create database triad_bench_store');
  await admin.destroy();
  const databases: [string, Knex][] = [
    [
      'SQLite (file)',
      knexFactory({
        client: 'better-sqlite3',
        connection: { filename: join(dir, 'slo.sqlite') },
        useNullAsDefault: true,
      }),
    ],
    [
      'PostgreSQL',
      knexFactory({
        client: 'pg',
        connection: { ...PG, database: 'triad_bench_store' },
      }),
    ],
  ];
  try {
    for (const [label, db] of databases) {
      await migrate(db);
      const store = new BuiltinStore(db);
      log(`${label}: ingest`);
      let samples = 0;
      let ms = 0;
      for (let s = 0; s < nSeries; s++) {
        const all = series(`bench/series-${s}`, endMinute);
        for (let i = 0; i < all.length; i += BATCH) {
          const batch = all.slice(i, i + BATCH);
          const t = now();
          await store.ingest(batch);
          ms += now() - t;
          samples += batch.length;
        }
      }
      // Re-sending a batch replaces the stored samples (idempotent ingest).
      const again = series('bench/series-0', endMinute).slice(0, BATCH);
      const t = now();
      await store.ingest(again);
      const replaceMs = now() - t;
      out.row({
        section,
        metric: `BuiltinStore.ingest on ${label}, batches of ${fmt.int(BATCH)}`,
        value: `${fmt.int(samples / (ms / 1000))} samples/s (${fmt.int(
          samples,
        )} new samples in ${fmt.ms(ms)}; a re-sent batch: ${fmt.int(
          BATCH / (replaceMs / 1000),
        )} samples/s)`,
      });

      log(`${label}: evaluation over 28 days`);
      const source = builtinDataSource(store);
      for (const method of ['Occurrences', 'Timeslices'] as const) {
        const doc = slo(method, 'bench/series-1');
        const at = new Date((endMinute + 1) * MINUTE + 30_000);
        const period = periodAt(toTimeWindow(doc.spec.timeWindow[0]), at);
        const tiers = alertTiersForPeriod(period.lengthMs);
        const windowsMs = [
          ...new Set(tiers.flatMap(x => [x.longWindowMs, x.shortWindowMs])),
        ];
        const objective = doc.spec.objectives[0];
        const measure = () =>
          source.measure({
            slo: doc,
            objective,
            indicator: doc.spec.indicator!.spec,
            source: { name: 'builtin', type: 'builtin', config: {} },
            period,
            windowsMs,
            timeSliceMs: timeSliceMs(objective),
            at,
            signal: new AbortController().signal,
          });
        const m = await measure();
        if (m.periodErrorRatio === undefined)
          throw new Error(`${label} ${method}: no data`);
        const times = await timeEach(quick ? 10 : 30, measure, 3);
        out.row({
          section,
          metric: `evaluate one ${method} SLO over 28 days (${fmt.int(
            DAYS * 1440,
          )} samples) on ${label}`,
          value: fmt.p(summary(times)),
        });
      }
    }
  } finally {
    for (const [, db] of databases) await db.destroy();
    rmSync(dir, { recursive: true, force: true });
    await dropDatabases('triad_bench_store');
  }

  // Through the HTTP endpoint of a real backend (PostgreSQL).
  log('POST /api/slo/v1/samples');
  const backend = await startBenchBackend({
    dbPrefix: 'triad_bench_ingest_http_',
    features: [catalogPlugin, sloPlugin],
    config: {
      catalog: { processingInterval: { hours: 12 } },
    },
  });
  try {
    const all = series('bench/http', endMinute);
    const batches = quick ? 4 : all.length / BATCH;
    let ms = 0;
    let sent = 0;
    for (let i = 0; i < batches; i++) {
      const batch = all.slice(i * BATCH, (i + 1) * BATCH).map(s => ({
        series: s.series,
        timestamp: new Date(s.minute * MINUTE).toISOString(),
        good: s.good,
        total: s.total,
      }));
      if (!batch.length) break;
      const body = JSON.stringify({ samples: batch });
      const t = now();
      const res = await fetch(`${backend.baseUrl}/api/slo/v1/samples`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${backend.token}`,
          'Content-Type': 'application/json',
        },
        body,
      });
      await res.text();
      ms += now() - t;
      if (res.status !== 202) throw new Error(`ingest answered ${res.status}`);
      sent += batch.length;
    }
    out.row({
      section,
      metric: `POST /v1/samples on PostgreSQL, ${fmt.int(BATCH)} per request`,
      value: `${fmt.int(sent / (ms / 1000))} samples/s (${fmt.int(
        sent,
      )} samples, ${fmt.ms(ms / Math.ceil(sent / BATCH))} per request)`,
    });
  } finally {
    await backend.stop();
  }
  out.write();
}

runPart(main);
