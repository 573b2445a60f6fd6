/*
 * 2. SLO evaluation against a real Prometheus, and the SLO half of
 * 4. HTTP under load.
 *
 * Prometheus (Debian's, started by the Prometheus module's own test helper)
 * serves 28 days of per-minute counters; the catalog holds 200 components
 * with five SLOs each (bench/lib/generateSlos.ts); the SLO backend and its
 * Prometheus module run in a real backend (PostgreSQL, memory cache).
 */
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleOpenSlo from '@triad/plugin-catalog-backend-module-openslo';
import sloPlugin from '@triad/plugin-slo-backend';
import sloModulePrometheus from '@triad/plugin-slo-backend-module-prometheus';
import { startPrometheus } from '@triad/plugin-slo-backend-module-prometheus/testUtils';
import { args } from '../lib/args';
import { startBenchBackend } from '../lib/backend';
import { benchEntityProvider } from '../lib/catalogProvider';
import { waitForCatalog } from '../lib/catalogTemplate';
import {
  componentName,
  requestCounters,
  sloEntities,
} from '../lib/generateSlos';
import { fmt, log, partResult, runPart } from '../lib/report';
import { loadSteps, runClient } from '../lib/runClient';
import {
  median,
  memorySampler,
  now,
  sleep,
  summary,
  timeEach,
} from '../lib/util';
import { poll } from '@triad/test-utils';

const MINUTE = 60_000;
const COMPONENTS = 200; // × 5 SLOs = 1,000 SLOs

/** Prometheus compacts the back-filled 2-hour blocks about a minute after start. */
async function waitForCompaction(url: string, timeoutMs: number) {
  const metric = async (name: string) => {
    const text = await (await fetch(`${url}/metrics`)).text();
    const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
    return m ? Number(m[1]) : NaN;
  };
  let last = NaN;
  let stableSince = 0;
  return poll(
    'Prometheus to compact the back-filled blocks',
    async () => {
      const compactions = await metric('prometheus_tsdb_compactions_total');
      const blocks = await metric('prometheus_tsdb_blocks_loaded');
      if (blocks !== last) {
        last = blocks;
        stableSince = Date.now();
        return undefined;
      }
      return compactions > 0 && Date.now() - stableSince > 10_000
        ? blocks
        : undefined;
    },
    timeoutMs,
    2_000,
  );
}

async function main() {
  const { quick } = args();
  const out = partResult('slo');
  const services = quick ? 3 : 6;
  const section = `SLO evaluation, Prometheus, 28 days × ${
    services * 2
  } series`;

  // --- Prometheus over 28 days of per-minute data ---------------------------
  const endMs = Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE;
  const data = requestCounters(services, 28, endMs);
  log(
    `back-filling ${fmt.int(data.samples)} samples (28 days, per minute, ${
      services * 2
    } series) with promtool`,
  );
  // promtool writes one block per 2 hours (336 for 28 days): minutes here.
  const prometheus = await startPrometheus(data.openMetrics, {
    backfillTimeoutMs: 10 * MINUTE,
  });
  out.row({
    section,
    metric: 'Prometheus back-fill and start (promtool, one-off set-up)',
    value: `${fmt.ms(prometheus.startupMs)} for ${fmt.int(
      data.samples,
    )} samples`,
  });

  // Count and record every request to Prometheus made in this process.
  type PromCall = { body: string; ms: number };
  let promCalls: PromCall[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: any, init?: any) => {
    const url = String(input?.url ?? input);
    if (!url.startsWith(`${prometheus.url}/api/v1/query`))
      return realFetch(input, init);
    const started = now();
    const res = await realFetch(input, init);
    const text = await res.text();
    promCalls.push({ body: String(init?.body ?? ''), ms: now() - started });
    return new Response(text, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  }) as typeof fetch;

  const entities = sloEntities(COMPONENTS, services);
  const provider = benchEntityProvider();
  const backend = await startBenchBackend({
    dbPrefix: 'triad_bench_slo_',
    features: [
      catalogPlugin,
      catalogModuleOpenSlo,
      provider.module,
      sloPlugin,
      sloModulePrometheus,
    ],
    probe: ['slo'],
    config: {
      catalog: {
        rules: [{ allow: ['Component', 'Group', 'Location', 'SLO'] }],
        processingInterval: { hours: 12 },
        orphanProviderStrategy: 'keep',
      },
      slo: {
        dataSources: [
          { name: 'prometheus', type: 'prometheus', baseUrl: prometheus.url },
        ],
        // Long enough that cached answers stay cached for the whole run.
        evaluation: { cacheTtl: '30m', timeout: '30s', concurrency: 8 },
      },
    },
  });
  try {
    log(`loading ${entities.length} entities (1,000 SLOs) into the catalog`);
    await provider.apply(entities);
    await waitForCatalog('triad_bench_slo_catalog', entities.length, 300_000);
    log('waiting for Prometheus to compact its back-filled blocks');
    const blocks = await waitForCompaction(prometheus.url, 300_000);
    log(`Prometheus holds ${blocks} blocks`);
    const { scheduler } = backend.services('slo');
    const api = `${backend.baseUrl}/api/slo/v1`;
    const headers = { Authorization: `Bearer ${backend.token}` };
    const get = async (path: string) => {
      const res = await realFetch(`${api}${path}`, { headers });
      if (!res.ok)
        throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    // Warm up: connections, the catalog, Prometheus's caches of the series.
    for (let c = COMPONENTS - services; c < COMPONENTS; c++)
      await get(`/entities/component/default/${componentName(c)}/slos`);

    // --- One entity page, cold: round trips and latency -----------------------
    log('entity pages (5 SLOs each), not cached');
    const pages = quick ? 10 : 30;
    const pageRuns: {
      dataMs: number;
      pageMs: number;
      roundTrips: number;
      slos: number;
    }[] = [];
    for (let i = 0; i < pages; i++) {
      const name = componentName(i);
      promCalls = [];
      const started = now();
      // What the SLO tab asks first: the SLOs and the release policy.
      const [slos] = await Promise.all([
        get(`/entities/component/default/${name}/slos`),
        get(`/entities/component/default/${name}/policy`),
      ]);
      const dataMs = now() - started;
      // Then, per SLO, the charts' timeline and the history of snapshots.
      await Promise.all(
        slos.items.flatMap((s: any) => [
          get(`/slos/${s.namespace}/${s.name}/timeline`),
          get(`/slos/${s.namespace}/${s.name}/history`),
        ]),
      );
      const errors = slos.items.filter((s: any) => s.error || s.stale);
      if (errors.length)
        throw new Error(
          `${name}: ${errors.map((s: any) => s.error ?? s.staleReason)}`,
        );
      pageRuns.push({
        dataMs,
        pageMs: now() - started,
        roundTrips: promCalls.length,
        slos: slos.items.length,
      });
    }
    const perSlo = Math.max(...pageRuns.map(r => r.roundTrips / r.slos));
    out.raw.pages = pageRuns;
    out.row({
      section,
      metric: 'entity page (5 SLOs): Prometheus round trips per SLO',
      value: `${perSlo} (most in one page: ${Math.max(
        ...pageRuns.map(r => r.roundTrips),
      )} for 5 SLOs; SLOs + policy, then timeline and history of each)`,
      goal: '≤ 1',
      met: perSlo <= 1,
    });
    out.row({
      section,
      metric: 'entity page, not cached: SLOs + policy answered / whole tab',
      value: `p50 ${fmt.ms(median(pageRuns.map(r => r.dataMs)))} / ${fmt.ms(
        median(pageRuns.map(r => r.pageMs)),
      )}, p99 ${fmt.ms(summary(pageRuns.map(r => r.dataMs)).p99)} / ${fmt.ms(
        summary(pageRuns.map(r => r.pageMs)).p99,
      )}`,
    });

    // --- Overhead against Prometheus's own time for the same queries ------------
    log(
      'evaluation overhead against the same queries sent to Prometheus directly',
    );
    const ratios: { triad: number; prom: number }[] = [];
    const overheadRuns = quick ? 10 : 30;
    for (let i = 0; i < overheadRuns; i++) {
      const name = componentName(pages + i);
      promCalls = [];
      let started = now();
      await get(`/entities/component/default/${name}/slos`);
      const triad = now() - started;
      const calls = promCalls;
      // The same five queries, at the same evaluation time, in parallel as
      // the backend sends them, straight to /api/v1/query.
      const direct: number[] = [];
      for (let r = 0; r < 3; r++) {
        started = now();
        await Promise.all(
          calls.map(async c => {
            const res = await realFetch(`${prometheus.url}/api/v1/query`, {
              method: 'POST',
              headers: {
                'Content-Type': 'application/x-www-form-urlencoded',
              },
              body: c.body,
            });
            const body = await res.json();
            if (body.status !== 'success') throw new Error(body.error);
          }),
        );
        direct.push(now() - started);
      }
      ratios.push({ triad, prom: median(direct) });
    }
    const triadMs = median(ratios.map(r => r.triad));
    const promMs = median(ratios.map(r => r.prom));
    const overhead = median(ratios.map(r => r.triad / r.prom));
    out.raw.overhead = ratios;
    out.row({
      section,
      metric:
        'GET …/slos, not cached, vs the same 5 queries straight to Prometheus',
      value: `${fmt.ms(triadMs)} vs ${fmt.ms(
        promMs,
      )} (median of ${overheadRuns} entities)`,
    });
    out.row({
      section,
      metric: 'evaluation time / Prometheus time (median of per-page ratios)',
      value: fmt.x(overhead),
      goal: '≤ 1.2×',
      met: overhead <= 1.2,
    });

    // --- Cached answers ------------------------------------------------------
    log('cached answers');
    const cachedUrls = Array.from(
      { length: pages + overheadRuns },
      (_, i) => `${api}/entities/component/default/${componentName(i)}/slos`,
    );
    const cached = await runClient({
      type: 'load',
      urls: cachedUrls,
      headers,
      concurrency: 1,
      maxRequests: quick ? 300 : 1000,
      maxMs: 60_000,
    });
    const sCached = summary(cached.latencies);
    out.row({
      section,
      metric: 'entity page SLOs, cached (GET …/slos, one at a time)',
      value: `${fmt.p(sCached)}${
        cached.errors ? `, ${cached.errors} errors` : ''
      }`,
      goal: 'p99 ≤ 20 ms',
      met: sCached.p99 <= 20 && cached.errors === 0,
    });

    // What every answer asks the catalog (with the caller's credentials, so
    // that only what the caller may read is shown): the entity, and the SLOs
    // that measure it, in parallel. The floor under the cached latency.
    const { catalog, auth } = backend.services('slo');
    const callerCredentials = await auth.authenticate(backend.token);
    const floor = await timeEach(quick ? 300 : 1000, i => {
      const ref = `component:default/${componentName(i % COMPONENTS)}`;
      return Promise.all([
        catalog.getEntityByRef(ref, { credentials: callerCredentials }),
        catalog.getEntities(
          { filter: { kind: 'SLO', 'relations.measures': ref } },
          { credentials: callerCredentials },
        ),
      ]);
    });
    out.row({
      section,
      metric:
        'of which the catalog: the entity and its SLOs, two catalog requests in parallel (in-process client)',
      value: fmt.p(summary(floor)),
    });

    // --- Scheduled evaluation of every SLO ------------------------------------
    log('scheduled evaluation of all 1,000 SLOs');
    global.gc?.();
    await sleep(500);
    promCalls = [];
    const sampler = memorySampler(25);
    const started = now();
    await scheduler.triggerTask('slo-evaluate-all');
    const allMs = now() - started;
    const mem = sampler.stop();
    const fleet = await get('/slos?limit=1');
    out.raw.evaluateAll = {
      allMs,
      mem,
      roundTrips: promCalls.length,
      promMs: summary(promCalls.map(c => c.ms)),
      fleet: fleet.totalItems,
    };
    out.row({
      section,
      metric: `scheduled evaluation of all ${fleet.totalItems} SLOs (concurrency 8)`,
      value: `${fmt.ms(allMs)}, ${
        promCalls.length
      } Prometheus queries (p50 ${fmt.ms(
        summary(promCalls.map(c => c.ms)).p50,
      )} each)`,
      goal: '< 60 s',
      met: allMs < 60_000 && fleet.totalItems >= 1000,
    });
    out.row({
      section,
      metric: 'scheduled evaluation: peak memory of the backend process',
      value: `heap +${fmt.mib(mem.peakHeap - mem.baseHeap)} (peak ${fmt.mib(
        mem.peakHeap,
      )}), RSS +${fmt.mib(mem.peakRss - mem.baseRss)} (peak ${fmt.mib(
        mem.peakRss,
      )})`,
    });

    // --- HTTP under load -------------------------------------------------------
    log('SLO endpoint under load');
    const allUrls = Array.from(
      { length: COMPONENTS },
      (_, i) => `${api}/entities/component/default/${componentName(i)}/slos`,
    );
    const load = await loadSteps({
      urls: allUrls,
      token: backend.token,
      concurrencies: [1, 8, 32],
      maxRequests: quick ? 500 : 2000,
      maxMs: quick ? 10_000 : 20_000,
    });
    out.raw.load = load;
    for (const l of load) {
      out.row({
        section: 'HTTP under load (loopback)',
        metric: `SLO GET /v1/entities/component/…/slos (cached), concurrency ${l.concurrency}`,
        value: `${fmt.p(l)}, ${l.errors} errors, ${fmt.int(
          l.throughput,
        )} req/s (${l.n} requests)`,
      });
    }
  } finally {
    log('stopping');
    globalThis.fetch = realFetch;
    await backend.stop();
    await prometheus.stop();
  }
  out.write();
}

runPart(main);
