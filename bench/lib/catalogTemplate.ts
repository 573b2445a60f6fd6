import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleOwnership from '@triad/plugin-catalog-backend-module-ownership';
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import knexFactory, { Knex } from 'knex';
import { resolve } from 'path';
import { dropDatabases, PG, pgAdmin, startBenchBackend } from './backend';
import { benchEntityProvider } from './catalogProvider';
import { generateCatalog } from './generateCatalog';
import { countDone } from './waitForCatalog';
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

const GENERATOR_FILES = [
  'generateCatalog.ts',
  'generateGroups.ts',
  'catalogBuilder.ts',
];

function templateName(size: number): string {
  const root = resolve(__dirname, '../..');
  const hash = createHash('sha1');
  // The generator: any change to it is another catalog.
  for (const file of GENERATOR_FILES) {
    hash.update(readFileSync(resolve(__dirname, file)));
  }
  const digest = hash
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
  return `triad_bench_tpl_${size}_${digest}`;
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
  options: IngestOptions & { fresh: boolean },
): Promise<{ template: string; stats: IngestStats; reused: boolean }> {
  const template = templateName(size);
  if ((await databaseExists(template)) && !options.fresh) {
    const stats = await readStats(template);
    if (stats) return { template, stats, reused: true };
  }
  // Older templates of this size (another generator) and leftovers.
  await dropDatabases(`triad_bench_tpl_${size}_`);
  await dropDatabases(ingestPrefix(size));

  const stats = await ingest(size, template, options);
  const ingestDb = ingestDatabase(size);
  const rename = pgAdmin();
  try {
    // The stopped backend may leave pooled connections behind.
    await rename.raw(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()',
      [ingestDb],
    );
    await rename.raw(`alter database ${ingestDb} reset synchronous_commit`);
    await rename.raw(`alter database ${ingestDb} rename to ??`, [template]);
  } finally {
    await rename.destroy();
  }
  await dropDatabases(ingestPrefix(size));
  return { template, stats, reused: false };
}

interface IngestOptions {
  log: (m: string) => void;
  timeoutMs: number;
}

/**
 * Where a size is ingested: its own name, so that two sizes can be ingested
 * at once without either dropping the other's database.
 */
const ingestPrefix = (size: number) => `triad_bench_ingest_${size}_`;
const ingestDatabase = (size: number) => `${ingestPrefix(size)}catalog`;

async function databaseExists(name: string): Promise<boolean> {
  const admin = pgAdmin();
  try {
    const { rows } = await admin.raw(
      'select 1 from pg_database where datname = ?',
      [name],
    );
    return rows.length > 0;
  } finally {
    await admin.destroy();
  }
}

/**
 * Ingests the generated catalog through a provider into a real catalog
 * backend, waits until every entity is stitched and records the stats in the
 * ingest database, which the backend leaves behind.
 */
async function ingest(
  size: number,
  template: string,
  options: IngestOptions,
): Promise<IngestStats> {
  const catalog = generateCatalog(size);
  const provider = benchEntityProvider();
  const ingestDb = ingestDatabase(size);
  const backend = await startBenchBackend({
    dbPrefix: ingestPrefix(size),
    // The catalog commits thousands of small transactions while ingesting;
    // not waiting for each WAL flush makes ingest several times faster and
    // changes nothing that is measured afterwards (the clones inherit the
    // server's defaults).
    prepare: async () => {
      const admin = pgAdmin();
      try {
        await admin.raw(`create database ${ingestDb}`);
        await admin.raw(
          `alter database ${ingestDb} set synchronous_commit = off`,
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
    connection: { ...PG, database: ingestDb },
    pool: { min: 0, max: 1 },
  });
  try {
    options.log(
      `ingesting ${catalog.entities.length} generated entities through a catalog provider (once; kept as ${template})`,
    );
    const started = Date.now();
    await provider.apply(catalog.entities);
    await waitForIngest(db, catalog.entities.length, started, options);
    const stats: IngestStats = {
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
    return stats;
  } finally {
    await db.destroy();
    await backend.stop({ keep: [ingestDb] });
  }
}

/** Polls until `count` entities are stitched, saying how far it is every 30 s. */
async function waitForIngest(
  db: Knex,
  count: number,
  started: number,
  options: IngestOptions,
) {
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
          } of ${count} stitched, ${done.queued} queued for stitching`,
        );
      }
      return done.stitched >= count && done.queued === 0 ? true : undefined;
    },
    options.timeoutMs,
    1000,
  );
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
