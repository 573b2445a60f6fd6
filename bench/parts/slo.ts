/*
 * 2. SLO evaluation against a real Prometheus, and the SLO half of
 * 4. HTTP under load.
 *
 * Prometheus (Debian's, started by the Prometheus module's own test helper)
 * serves 28 days of per-minute counters; the catalog holds 200 components
 * with five SLOs each (bench/lib/generateSlos.ts); the SLO backend and its
 * Prometheus module run in a real backend (PostgreSQL, memory cache).
 */
import { args } from '../lib/args';
import { startSloBenchBackend } from '../lib/startSloBenchBackend';
import {
  startBenchPrometheus,
  waitForCompaction,
} from '../lib/benchPrometheus';
import { measureLoad } from '../lib/measureLoad';
import { Bench } from './slo/Bench';
import { measureCached } from './slo/measureCached';
import { measureEntityPages } from './slo/measureEntityPages';
import { measureOverhead } from './slo/measureOverhead';
import { measureScheduledRun } from './slo/measureScheduledRun';
import { recordPrometheusCalls } from './slo/recordPrometheusCalls';
import { benchEntityProvider } from '../lib/catalogProvider';
import { waitForCatalog } from '../lib/waitForCatalog';
import { componentName, sloEntities } from '../lib/generateSlos';
import { log, partResult, runPart } from '../lib/report';

const COMPONENTS = 200; // × 5 SLOs = 1,000 SLOs

async function main() {
  const { quick } = args();
  const out = partResult('slo');
  const services = quick ? 3 : 6;
  const section = `SLO evaluation, Prometheus, 28 days × ${
    services * 2
  } series`;

  const prometheus = await startBenchPrometheus(out, section, services);

  const recorder = recordPrometheusCalls(prometheus.url);
  const entities = sloEntities(COMPONENTS, services);
  const provider = benchEntityProvider();
  const backend = await startSloBenchBackend({
    dbPrefix: 'triad_bench_slo_',
    provider,
    prometheusUrl: prometheus.url,
  });
  try {
    log(`loading ${entities.length} entities (1,000 SLOs) into the catalog`);
    await provider.apply(entities);
    await waitForCatalog('triad_bench_slo_catalog', entities.length, 300_000);
    log('waiting for Prometheus to compact its back-filled blocks');
    const blocks = await waitForCompaction(prometheus.url, 300_000);
    log(`Prometheus holds ${blocks} blocks`);
    const api = `${backend.baseUrl}/api/slo/v1`;
    const headers = { Authorization: `Bearer ${backend.token}` };
    const bench: Bench = {
      quick,
      out,
      section,
      services,
      components: COMPONENTS,
      backend,
      prometheusUrl: prometheus.url,
      recorder,
      api,
      headers,
      async get(path: string) {
        const res = await recorder.realFetch(`${api}${path}`, { headers });
        if (!res.ok)
          throw new Error(`${path}: ${res.status} ${await res.text()}`);
        return res.json();
      },
    };
    // Warm up: connections, the catalog, Prometheus's caches of the series.
    for (let c = COMPONENTS - services; c < COMPONENTS; c++)
      await bench.get(`/entities/component/default/${componentName(c)}/slos`);

    const pages = await measureEntityPages(bench);
    const overheadRuns = await measureOverhead(bench, pages);
    await measureCached(bench, pages + overheadRuns);
    await measureScheduledRun(bench);
    // The entity page's SLOs, cached.
    await measureLoad(bench, {
      plugin: 'SLO',
      metric: 'SLO GET /v1/entities/component/…/slos (cached)',
      urls: Array.from(
        { length: COMPONENTS },
        (_, i) => `${api}/entities/component/default/${componentName(i)}/slos`,
      ),
    });
  } finally {
    log('stopping');
    recorder.restore();
    await backend.stop();
    await prometheus.stop();
  }
  out.write();
}

runPart(main);
