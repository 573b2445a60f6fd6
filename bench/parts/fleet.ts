/*
 * Issue 21: the SLO fleet at 1,000 and then 10,000 SLOs (--quick: 1,000
 * then 3,000). The scheduled evaluation of every SLO against Debian's
 * Prometheus, the fleet page's requests for a caller who may read everything
 * and one under a conditional policy, the 90-day history of one SLO, and a
 * check that paging shows every SLO exactly once. See bench/README.md.
 */
import { args } from '../lib/args';
import { startSloBenchBackend } from '../lib/startSloBenchBackend';
import {
  startBenchPrometheus,
  waitForCompaction,
} from '../lib/benchPrometheus';
import { benchEntityProvider } from '../lib/catalogProvider';
import { SloOrganisation, sloEntities } from '../lib/generateSlos';
import { fmt, log, partResult, runPart } from '../lib/report';
import { waitForCatalog } from '../lib/waitForCatalog';
import { checkPaging } from './fleet/checkPaging';
import { FleetBench } from './fleet/FleetBench';
import { measureEvaluation } from './fleet/measureEvaluation';
import { measureFleetRequests } from './fleet/measureFleetRequests';
import { measureHistory } from './fleet/measureHistory';
import { reportFleet, Stage } from './fleet/reportFleet';
import { writeHistory } from './fleet/writeHistory';
import { recordPrometheusCalls } from './slo/recordPrometheusCalls';

const PREFIX = 'triad_bench_fleet_';
/** Four departments over the 20 teams; 50 systems. */
const ORGANISATION: SloOrganisation = { departments: 4, systems: 50 };
const HISTORY_SLO = 'svc-000-availability';

async function main() {
  const { quick } = args();
  const out = partResult('fleet');
  const services = quick ? 3 : 6;
  // Components, each with five SLOs.
  const sizes = [200, quick ? 600 : 2_000];
  const section = `SLO fleet, ${sizes
    .map(c => fmt.int(c * 5))
    .join(' then ')} SLOs (Prometheus, 28 days × ${services * 2} series)`;

  const prometheus = await startBenchPrometheus(out, section, services);
  const recorder = recordPrometheusCalls(prometheus.url);
  const provider = benchEntityProvider();
  const backend = await startSloBenchBackend({
    dbPrefix: PREFIX,
    provider,
    prometheusUrl: prometheus.url,
  });
  try {
    log('waiting for Prometheus to compact its back-filled blocks');
    await waitForCompaction(prometheus.url, 300_000);
    const api = `${backend.baseUrl}/api/slo/v1`;
    const bench: FleetBench = {
      quick,
      out,
      backend,
      prometheusUrl: prometheus.url,
      recorder,
      api,
      sloDatabase: `${PREFIX}slo`,
      async get(path, token = backend.token) {
        const res = await recorder.realFetch(`${api}${path}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        if (!res.ok)
          throw new Error(`${path}: ${res.status} ${await res.text()}`);
        return res.json();
      },
    };
    const stages: Stage[] = [];
    for (const components of sizes) {
      stages.push(await measureStage(bench, provider, components, services));
    }
    reportFleet(out, section, stages);
  } finally {
    log('stopping');
    recorder.restore();
    await backend.stop();
    await prometheus.stop();
  }
  out.write();
}

/** Loads the catalog up to `components` components and measures everything. */
async function measureStage(
  bench: FleetBench,
  provider: ReturnType<typeof benchEntityProvider>,
  components: number,
  services: number,
): Promise<Stage> {
  const slos = components * 5;
  const entities = sloEntities(components, services, ORGANISATION);
  log(`loading ${entities.length} entities (${slos} SLOs) into the catalog`);
  const loadStarted = Date.now();
  await provider.apply(entities);
  await waitForCatalog(`${PREFIX}catalog`, entities.length, 30 * 60_000);
  log(`catalog loaded in ${fmt.ms(Date.now() - loadStarted)}`);
  const evaluation = await measureEvaluation(bench, slos);
  const paging = await checkPaging(bench, entities);
  const requests = await measureFleetRequests(bench);
  const endMs = Date.now();
  const snapshots = await writeHistory(
    bench.sloDatabase,
    `slo:default/${HISTORY_SLO}`,
    endMs,
  );
  const history = await measureHistory(bench, HISTORY_SLO, endMs, snapshots);
  return { slos, evaluation, paging, ...requests, history };
}

runPart(main);
