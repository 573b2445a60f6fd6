import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleOwnership from '@triad/plugin-catalog-backend-module-ownership';
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import knexFactory, { Knex } from 'knex';
import { resolve } from 'path';
import { dropDatabases, PG, pgAdmin, startBenchBackend } from './backend';
import { benchEntityProvider } from './catalogProvider';
import { generateCatalog } from './generateCatalog';
import { poll } from '@triad/test-utils';

export const CATALOG_RULES = [
  {
    allow: [
      'Component',
      'System',
      'API',
      'Resource',
      'Location',
      'Domain',
      'User',
      'Group',
    ],
  },
];

/** Catalog settings of every benchmark backend that serves the generated org. */
export const CATALOG_CONFIG = {
  rules: CATALOG_RULES,
  // Nothing is reprocessed while the benchmarks run.
  processingInterval: { hours: 12 },
  orphanProviderStrategy: 'keep',
};

export interface IngestStats {
  entities: number;
  /** From the provider's full mutation to the last entity stitched. */
  ingestMs: number;
  counts: Record<string, number>;
  createdAt: string;
}

function templateName(size: number): string {
  const root = resolve(__dirname, '../..');
  const hash = createHash('sha1')
    .update(readFileSync(resolve(__dirname, 'generateCatalog.ts')))
    .update(
      readFileSync(
        resolve(
          root,
          'node_modules/@backstage/plugin-catalog-backend/package.json',
        ),
      ),
    )
    .update(
      readFileSync(
        resolve(
          root,
          'plugins/catalog-backend-module-ownership/src/processor/OwnershipEntitiesProcessor.ts',
        ),
      ),
    )
    .digest('hex')
    .slice(0, 10);
  return `triad_bench_tpl_${size}_${hash}`;
}

/** Waits until the catalog in `database` holds `count` stitched entities. */
export async function waitForCatalog(
  database: string,
  count: number,
  timeoutMs: number,
): Promise<void> {
  const db = knexFactory({
    client: 'pg',
    connection: { ...PG, database },
    pool: { min: 0, max: 1 },
  });
  try {
    await poll(
      `${count} entities stitched in ${database}`,
      async () => {
        const done = await countDone(db);
        return done.stitched >= count && done.queued === 0 ? true : undefined;
      },
      timeoutMs,
      500,
    );
    await db.raw('analyze');
  } finally {
    await db.destroy();
  }
}

async function countDone(db: Knex) {
  const [{ c: stitched }] = (await db('final_entities')
    .whereNotNull('final_entity')
    .count({ c: '*' })) as any;
  const [{ c: queued }] = (await db('stitch_queue').count({ c: '*' })) as any;
  return { stitched: Number(stitched), queued: Number(queued) };
}

async function readStats(database: string): Promise<IngestStats | undefined> {
  const db = knexFactory({
    client: 'pg',
    connection: { ...PG, database },
    pool: { min: 0, max: 1 },
  });
  try {
    const row = await db('triad_bench_meta').first();
    return row ? JSON.parse(row.stats) : undefined;
  } catch {
    return undefined;
  } finally {
    await db.destroy();
  }
}

/**
 * A PostgreSQL database holding the catalog of the generated organisation of
 * `size` entities, fully processed and stitched by a real catalog backend,
 * to be cloned (`CREATE DATABASE … TEMPLATE`) by each run. It is built the
 * first time — through a catalog entity provider, timed — and kept between
 * runs; a change to the generator, the catalog backend or the ownership
 * processor gives it a new name. `fresh` rebuilds it.
 */
export async function ensureCatalogTemplate(
  size: number,
  options: { fresh: boolean; log: (m: string) => void; timeoutMs: number },
): Promise<{ template: string; stats: IngestStats; reused: boolean }> {
  const template = templateName(size);
  const admin = pgAdmin();
  let exists: boolean;
  try {
    const { rows } = await admin.raw(
      'select 1 from pg_database where datname = ?',
      [template],
    );
    exists = rows.length > 0;
  } finally {
    await admin.destroy();
  }
  if (exists && !options.fresh) {
    const stats = await readStats(template);
    if (stats) return { template, stats, reused: true };
  }
  // Older templates of this size (another generator) and leftovers.
  await dropDatabases(`triad_bench_tpl_${size}_`);
  await dropDatabases('triad_bench_ingest_');

  const catalog = generateCatalog(size);
  const provider = benchEntityProvider();
  const backend = await startBenchBackend({
    dbPrefix: 'triad_bench_ingest_',
    // The catalog commits thousands of small transactions while ingesting;
    // not waiting for each WAL flush makes ingest several times faster and
    // changes nothing that is measured afterwards (the clones inherit the
    // server's defaults).
    prepare: async () => {
      const admin = pgAdmin();
      try {
        await admin.raw('create database triad_bench_ingest_catalog');
        await admin.raw(
          'alter database triad_bench_ingest_catalog set synchronous_commit = off',
        );
      } finally {
        await admin.destroy();
      }
    },
    features: [catalogPlugin, catalogModuleOwnership, provider.module],
    config: { catalog: CATALOG_CONFIG },
  });
  const db = knexFactory({
    client: 'pg',
    connection: { ...PG, database: 'triad_bench_ingest_catalog' },
    pool: { min: 0, max: 1 },
  });
  let stats: IngestStats;
  try {
    options.log(
      `ingesting ${catalog.entities.length} generated entities through a catalog provider (once; kept as ${template})`,
    );
    const started = Date.now();
    await provider.apply(catalog.entities);
    let lastLog = 0;
    await poll(
      'the catalog to process and stitch every entity',
      async () => {
        const done = await countDone(db);
        if (Date.now() - lastLog > 30_000) {
          lastLog = Date.now();
          options.log(
            `  ${Math.round((Date.now() - started) / 1000)} s: ${
              done.stitched
            } of ${catalog.entities.length} stitched, ${
              done.queued
            } queued for stitching`,
          );
        }
        return done.stitched >= catalog.entities.length && done.queued === 0
          ? true
          : undefined;
      },
      options.timeoutMs,
      1000,
    );
    stats = {
      entities: catalog.entities.length,
      ingestMs: Date.now() - started,
      counts: catalog.counts,
      createdAt: new Date().toISOString(),
    };
    // As autovacuum would after a bulk load; without statistics PostgreSQL
    // plans every page of a filtered query as a scan of the whole filter.
    await db.raw('analyze');
    await db.schema.createTable('triad_bench_meta', t => t.text('stats'));
    await db('triad_bench_meta').insert({ stats: JSON.stringify(stats) });
  } finally {
    await db.destroy();
    await backend.stop({ keep: ['triad_bench_ingest_catalog'] });
  }
  const rename = pgAdmin();
  try {
    // The stopped backend may leave pooled connections behind.
    await rename.raw(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()',
      ['triad_bench_ingest_catalog'],
    );
    await rename.raw(
      'alter database triad_bench_ingest_catalog reset synchronous_commit',
    );
    await rename.raw('alter database triad_bench_ingest_catalog rename to ??', [
      template,
    ]);
  } finally {
    await rename.destroy();
  }
  await dropDatabases('triad_bench_ingest_');
  return { template, stats, reused: false };
}

/**
 * Clones the template into `database`, with every entity's next processing
 * pushed 12 hours out, so the catalog only serves while benchmarks run.
 */
export async function cloneCatalog(
  template: string,
  database: string,
): Promise<void> {
  const admin = pgAdmin();
  try {
    await admin.raw('drop database if exists ?? with (force)', [database]);
    await admin.raw('create database ?? template ??', [database, template]);
  } finally {
    await admin.destroy();
  }
  const db = knexFactory({
    client: 'pg',
    connection: { ...PG, database },
    pool: { min: 0, max: 1 },
  });
  try {
    await db.raw(
      "update refresh_state set next_update_at = now() + interval '12 hours'",
    );
    await db.schema.dropTableIfExists('triad_bench_meta');
    await db.raw('analyze');
  } finally {
    await db.destroy();
  }
}
