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
import {
  DEFAULT_OWNERSHIP_ROLES,
  isPlatformTopology,
  OwnershipGraph,
  resolveOwnership,
} from '@triad/plugin-ownership-common';
import { OwnershipIndex } from '@triad/plugin-ownership-backend/src/ownershipIndex/OwnershipIndex';
import { readCatalogEntities } from '@triad/plugin-ownership-backend/src/ownershipIndex/readCatalogEntities';
import { entityOwnership } from '@triad/plugin-ownership-backend/src/service/queries/entityOwnership';
import { groupResponsibilities } from '@triad/plugin-ownership-backend/src/service/queries/groupResponsibilities';
import { lookup } from '@triad/plugin-ownership-backend/src/service/queries/lookup';
import { startBenchBackend } from '../lib/backend';
import { benchEntityProvider } from '../lib/catalogProvider';
import {
  CATALOG_CONFIG,
  cloneCatalog,
  ensureCatalogTemplate,
} from '../lib/catalogTemplate';
import { generateCatalog } from '../lib/generateCatalog';
import { fmt, log, partResult, runPart } from '../lib/report';
import { loadSteps, runClient } from '../lib/runClient';
import { gc, median, now, summary, timeEach } from '../lib/util';
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
  const backend = await startBenchBackend({
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
  try {
    const {
      scheduler,
      auth,
      catalog: catalogService,
    } = backend.services('ownership');
    const credentials = await auth.getOwnServiceCredentials();
    const roles = [...DEFAULT_OWNERSHIP_ROLES];

    // --- Index build vs bare paging --------------------------------------
    log('index build vs bare paging');
    // Warm up the catalog's caches and the connection pool.
    await readCatalogEntities(catalogService, credentials);
    const rounds = quick ? 3 : 3;
    const paging: number[] = [];
    const building: number[] = [];
    const buildOnly: number[] = [];
    let entityCount = 0;
    for (let i = 0; i < rounds; i++) {
      let t = now();
      const entities = await readCatalogEntities(catalogService, credentials);
      paging.push(now() - t);
      entityCount = entities.length;
      t = now();
      const fetched = await readCatalogEntities(catalogService, credentials);
      const t2 = now();
      OwnershipIndex.build(fetched, { roles, indexedAt: new Date() });
      building.push(now() - t);
      buildOnly.push(now() - t2);
    }
    const ratio = median(building) / median(paging);
    out.raw.indexBuild = { paging, building, buildOnly, entityCount };
    out.row({
      section,
      metric: `bare paging (${fmt.int(entityCount)} entities, 500 a page)`,
      value: fmt.ms(median(paging)),
    });
    out.row({
      section,
      metric: 'index build (paging + indexing + resolving every role)',
      value: `${fmt.ms(median(building))} (indexing alone ${fmt.ms(
        median(buildOnly),
      )})`,
    });
    out.row({
      section,
      metric: 'index build / bare paging',
      value: fmt.x(ratio),
      goal: '≤ 1.5×',
      met: ratio <= 1.5,
    });
    // The plugin's own scheduled refresh, end to end.
    let t = now();
    await scheduler.triggerTask('ownership-index-refresh');
    const refreshMs = now() - t;
    out.row({
      section,
      metric: "plugin's scheduled index refresh (same work, via the scheduler)",
      value: fmt.ms(refreshMs),
    });

    // --- Memory of the index ---------------------------------------------
    log('index memory');
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    let entities: any[] | undefined = await readCatalogEntities(
      catalogService,
      credentials,
    );
    gc();
    const heapEntities = process.memoryUsage().heapUsed - heap0;
    const index = OwnershipIndex.build(entities, {
      roles,
      indexedAt: new Date(),
    });
    entities = undefined;
    gc();
    const heapIndex = process.memoryUsage().heapUsed - heap0;
    out.raw.memory = { heapEntities, heapIndex };
    out.row({
      section,
      metric: 'index memory (heap delta after GC)',
      value: `${fmt.mib(heapIndex)} (${fmt.int(
        heapIndex / entityCount,
      )} B per entity; the fetched entities alone: ${fmt.mib(heapEntities)})`,
    });

    // --- Resolution and lookup, in-process --------------------------------
    log('resolution and lookup in-process');
    const refs = catalog.componentRefs;
    const all = () => true;
    const answer = await timeEach(
      refs.length * 10,
      i => entityOwnership(index, refs[i % refs.length], all),
      500,
    );
    const graph: OwnershipGraph = {
      node: r => index.entity(r),
      exists: r => !!index.group(r) || !!index.user(r),
      isPlatformTeam: r => isPlatformTopology(index.group(r)?.topology),
    };
    const resolve = await timeEach(
      refs.length * 10,
      i => resolveOwnership(graph, refs[i % refs.length], roles),
      500,
    );
    const queries = catalog.lookupQueries;
    const lookups = await timeEach(
      quick ? 40 : 80,
      i => lookup(index, queries[i % queries.length], all),
      queries.length,
    );
    const tribe = await timeEach(
      50,
      () => groupResponsibilities(index, catalog.tribeRef, true, all),
      5,
    );
    const sAnswer = summary(answer);
    const sResolve = summary(resolve);
    out.raw.inProcess = {
      answer: sAnswer,
      resolve: sResolve,
      lookup: summary(lookups),
      tribe: summary(tribe),
    };
    out.row({
      section,
      metric: 'resolution in-process (an entity page answer from the index)',
      value: fmt.p(sAnswer),
      goal: 'p99 ≤ 1 ms',
      met: sAnswer.p99 <= 1,
    });
    out.row({
      section,
      metric: 'resolution in-process, resolving the 3 roles afresh',
      value: fmt.p(sResolve),
    });
    out.row({
      section,
      metric: `lookup in-process (${queries.length} queries over the whole index)`,
      value: fmt.p(summary(lookups)),
    });

    // --- Over HTTP, and the 50-descendant group against the org plugin --------
    const api = `${backend.baseUrl}/api/ownership/v1`;
    const entityUrls = refs.map(
      r => `${api}/entities/component/default/${r.split('/')[1]}`,
    );
    const tribeName = catalog.tribeRef.split('/')[1];
    const callers = [
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
    ];
    out.raw.tribe = {};
    for (const caller of callers) {
      log(`over HTTP, ${caller.who}`);
      const auth = { Authorization: `Bearer ${caller.token}` };
      const http1 = await runClient({
        type: 'load',
        urls: entityUrls,
        headers: auth,
        concurrency: 1,
        maxRequests: quick ? 300 : 1000,
        maxMs: 60_000,
      });
      const lookupHttp = await runClient({
        type: 'load',
        urls: queries.map(q => `${api}/lookup?q=${encodeURIComponent(q)}`),
        headers: auth,
        concurrency: 1,
        maxRequests: quick ? 16 : 40,
        maxMs: 60_000,
      });
      out.row({
        section,
        metric: `resolution over HTTP (GET /v1/entities/…, one at a time), ${caller.short}`,
        value: `${fmt.p(summary(http1.latencies))}${
          http1.errors ? `, ${http1.errors} errors` : ''
        }`,
      });
      out.row({
        section,
        metric: `lookup over HTTP (GET /v1/lookup?q=…), ${caller.short}`,
        value: `${fmt.p(summary(lookupHttp.latencies))}${
          lookupHttp.errors ? `, ${lookupHttp.errors} errors` : ''
        }`,
      });

      const triadRuns: {
        ms: number;
        catalogRequests: number;
        items: number;
      }[] = [];
      for (let i = 0; i < 10; i++) {
        backend.resetCatalogRequests();
        const started = now();
        const res = await fetch(
          `${api}/groups/default/${tribeName}/responsibilities`,
          { headers: auth },
        );
        const body = await res.json();
        const ms = now() - started;
        if (!res.ok) throw new Error(`responsibilities: ${res.status}`);
        triadRuns.push({
          ms,
          catalogRequests: backend.catalogRequests(),
          items: body.roles.reduce(
            (n: number, r: any) => n + r.items.length,
            0,
          ),
        });
      }
      const org = await runClient<{
        runs: { ms: number; requests: number; owners: number; owned: number }[];
      }>({
        type: 'org-plugin',
        baseUrl: backend.baseUrl,
        token: caller.token,
        groupRef: catalog.tribeRef,
        repeat: 10,
      });
      const triadRequests = median(triadRuns.map(r => r.catalogRequests));
      const orgRequests = median(org.runs.map(r => r.requests));
      const requestRatio = orgRequests / (1 + triadRequests);
      (out.raw.tribe as any)[caller.short] = { triadRuns, org: org.runs };
      out.row({
        section,
        metric: `"everything tribe-50 is responsible for" (50 sub-teams), Triad, ${caller.short}`,
        value: `1 request from the page + ${triadRequests} catalog request(s) behind it (${fmt.int(
          triadRuns[0].items,
        )} items in 3 roles), ${fmt.ms(median(triadRuns.map(r => r.ms)))}`,
      });
      out.row({
        section,
        metric: `same group, org plugin level by level (owned entities only), ${caller.short}`,
        value: `${orgRequests} catalog requests from the page (${
          org.runs[0].owners
        } groups, ${fmt.int(org.runs[0].owned)} owned entities), ${fmt.ms(
          median(org.runs.map(r => r.ms)),
        )}`,
      });
      out.row({
        section,
        metric: `catalog requests, org plugin / Triad (Triad's own request counted), ${caller.short}`,
        value: `${fmt.x(requestRatio)} (${orgRequests} vs ${
          1 + triadRequests
        })`,
        goal: '≥ 10×',
        met: requestRatio >= 10,
      });
    }
    out.row({
      section,
      metric:
        '"everything tribe-50 is responsible for" in-process (index only)',
      value: fmt.p(summary(tribe)),
    });

    // --- HTTP under load -----------------------------------------------------
    log('ownership endpoint under load');
    const load = await loadSteps({
      urls: entityUrls,
      token: backend.token,
      concurrencies: [1, 8, 32],
      maxRequests: quick ? 500 : 2000,
      maxMs: quick ? 10_000 : 20_000,
    });
    out.raw.load = load;
    for (const l of load) {
      out.row({
        section: 'HTTP under load (loopback)',
        metric: `ownership GET /v1/entities/component/…, concurrency ${l.concurrency}`,
        value: `${fmt.p(l)}, ${l.errors} errors, ${fmt.int(
          l.throughput,
        )} req/s (${l.n} requests)`,
      });
    }
  } finally {
    log('stopping');
    await backend.stop();
  }
  out.write();
}

runPart(main);
