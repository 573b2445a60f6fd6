/*
 * 1. Ownership at scale, and the ownership half of 4. HTTP under load.
 *
 * A real catalog backend (PostgreSQL) serves the generated organisation
 * (bench/lib/generateCatalog.ts); the ownership backend runs beside it in the
 * same backend, as in production.
 */
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleOwnership from '@triad/plugin-catalog-backend-module-ownership';
import ownershipPlugin from '@triad/plugin-ownership-backend';
import { startBenchBackend } from '../lib/backend';
import { measureLoad } from '../lib/measureLoad';
import { Bench } from './ownership/Bench';
import { measureHttp } from './ownership/measureHttp';
import { measureInProcess } from './ownership/measureInProcess';
import { measureIndexBuild } from './ownership/measureIndexBuild';
import { measureTribe } from './ownership/measureTribe';
import { benchEntityProvider } from '../lib/catalogProvider';
import {
  CATALOG_CONFIG,
  cloneCatalog,
  ensureCatalogTemplate,
} from '../lib/catalogTemplate';
import { generateCatalog } from '../lib/generateCatalog';
import { fmt, log, partResult, runPart } from '../lib/report';
import { args } from '../lib/args';

async function main() {
  const { quick, fresh } = args();
  const size = quick ? 10_000 : 100_000;
  const out = partResult('ownership');
  const section = `Ownership, ${fmt.int(size)} entities`;

  const { template, stats, reused } = await ensureCatalogTemplate(size, {
    fresh,
    log,
    timeoutMs: 70 * 60_000,
  });
  out.raw.ingest = { ...stats, reused };
  out.row({
    section,
    metric: 'catalog ingest (provider → processed and stitched)',
    value: `${fmt.ms(stats.ingestMs)}, ${fmt.int(
      stats.entities / (stats.ingestMs / 1000),
    )} entities/s${
      reused ? ` (measured ${stats.createdAt.slice(0, 10)}, reused)` : ''
    }`,
  });

  const catalog = generateCatalog(size);
  const provider = benchEntityProvider();
  log('starting the catalog and ownership backends on the cloned catalog');
  const backend = await startOwnershipBackend(template, provider);
  try {
    const api = `${backend.baseUrl}/api/ownership/v1`;
    const bench: Bench = {
      quick,
      out,
      section,
      backend,
      catalog,
      entityUrls: catalog.componentRefs.map(
        r => `${api}/entities/component/default/${r.split('/')[1]}`,
      ),
    };
    const index = await measureIndexBuild(bench);
    await measureInProcess(bench, index);
    for (const caller of [
      {
        who: 'caller who may read the whole catalog',
        short: 'may read all',
        token: backend.token,
      },
      {
        who: 'caller under a conditional read policy',
        short: 'conditional',
        token: backend.restrictedToken,
      },
    ]) {
      log(`over HTTP, ${caller.who}`);
      await measureHttp(bench, caller);
      await measureTribe(bench, caller);
    }
    // The entity answer.
    await measureLoad(bench, {
      plugin: 'ownership',
      metric: 'ownership GET /v1/entities/component/…',
      urls: bench.entityUrls,
    });
  } finally {
    log('stopping');
    await backend.stop();
  }
  out.write();
}

/** The catalog (a clone of the template) with the ownership module, and the ownership backend. */
function startOwnershipBackend(
  template: string,
  provider: ReturnType<typeof benchEntityProvider>,
) {
  return startBenchBackend({
    dbPrefix: 'triad_bench_own_',
    prepare: () => cloneCatalog(template, 'triad_bench_own_catalog'),
    features: [
      catalogPlugin,
      catalogModuleOwnership,
      provider.module,
      ownershipPlugin,
    ],
    probe: ['ownership'],
    config: {
      catalog: CATALOG_CONFIG,
      ownership: {
        index: {
          schedule: { frequency: { hours: 1 }, timeout: { minutes: 10 } },
          events: { topics: [] },
        },
      },
    },
  });
}

runPart(main);
