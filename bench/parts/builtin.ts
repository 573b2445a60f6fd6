/*
 * 3. The built-in store: ingest throughput through BuiltinStore.ingest on
 * SQLite and PostgreSQL, through POST /api/slo/v1/samples, and evaluation
 * over 28 days of per-minute data.
 */
import { BuiltinStore } from '@triad/plugin-slo-backend/testUtils';
import { mkdtempSync, rmSync } from 'fs';
import knexFactory, { Knex } from 'knex';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { args } from '../lib/args';
import { dropDatabases, PG, pgAdmin } from '../lib/backend';
import { partResult, runPart } from '../lib/report';
import { Bench } from './builtin/Bench';
import { MINUTE } from './builtin/fixtures';
import { measureHttpIngest } from './builtin/measureHttpIngest';
import { measureEvaluation, measureStoreIngest } from './builtin/measureStore';

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
  const bench: Bench = {
    quick,
    out,
    section: `Built-in store, ${nSeries} series × 28 days per minute`,
    nSeries,
    endMinute,
  };

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
      await measureStoreIngest(bench, label, store);
      await measureEvaluation(bench, label, store);
    }
  } finally {
    for (const [, db] of databases) await db.destroy();
    rmSync(dir, { recursive: true, force: true });
    await dropDatabases('triad_bench_store');
  }

  await measureHttpIngest(bench);
  out.write();
}

runPart(main);
