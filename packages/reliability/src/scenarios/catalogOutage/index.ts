import { freePort } from '@triad/plugin-slo-backend-module-prometheus/testUtils';
import { poll } from '@triad/test-utils';
import { sleep } from '../../lib/children';
import { startFaultProxy } from '../../lib/faultProxy';
import { ScenarioReport } from '../../lib/report';
import {
  Api,
  newBackendSettings,
  Resources,
  startSuiteBackend,
} from '../../suite/context';
import {
  Catalog,
  Phase,
  CLIENTS,
  FAULT_MS,
  SLOW_MS,
  RECOVERY_BOUND_MS,
  PAGES,
  HIDDEN_PAGES,
  NEVER_READ,
} from './pages';
import { checkPhase } from './checkPhase';
import { MINUTE, withResources } from '../../lib/scenario';

/**
 * The catalog is failing, then slow, for the SLO and ownership backends:
 * their catalog client reaches it through a loopback fault proxy
 * (`discovery.endpoints`), which first resets every connection and then
 * holds every request 8 s, while users read SLO and ownership pages.
 */
export const catalogOutage = withResources(run);

async function run(report: ScenarioReport, resources: Resources) {
  const catalog = await startBehindProxy(report, resources);
  await readPagesOnce(catalog);
  report.tried(
    `${CLIENTS} users reading ${PAGES.length} SLO and ownership pages, ${
      HIDDEN_PAGES.length
    } pages of hidden entities and one page never read before, back to back, while the catalog fails (connections reset) for ${
      FAULT_MS / 1000
    } s, then while every catalog request is held ${SLOW_MS / 1000} s for ${
      FAULT_MS / 1000
    } s`,
  );
  const { proxy, catalogUrl, api } = catalog;
  proxy.target = `http://127.0.0.1:${await freePort()}`;
  report.add('faults');
  await readFor(catalog, 'failing');
  proxy.target = catalogUrl;
  const failingRecovery = await recovery(api);

  proxy.delayMs = SLOW_MS;
  report.add('faults');
  const upstreamBefore = proxy.requests.length;
  await readFor(catalog, 'slow');
  const upstreamSlow = proxy.requests.length - upstreamBefore;
  proxy.delayMs = 0;
  const slowRecovery = await recovery(api);

  for (const phase of ['failing', 'slow'] as Phase[]) {
    checkPhase(catalog, phase);
  }
  report.note(
    `catalog requests through the proxy while it was slow: ${upstreamSlow} in ${
      FAULT_MS / 1000
    } s (questions with a remembered answer wait at most 3 s, then the catalog is left alone for 5 s)`,
  );
  for (const [phase, ms] of [
    ['failing', failingRecovery],
    ['slow', slowRecovery],
  ] as const) {
    report.held(
      `after the catalog ${
        phase === 'failing' ? 'is back' : 'is fast again'
      }, every page is fresh within ${RECOVERY_BOUND_MS / 1000} s`,
      ms !== undefined && ms < RECOVERY_BOUND_MS,
      ms === undefined
        ? 'still stale after 30 s'
        : `${(ms / 1000).toFixed(1)} s`,
    );
  }
}

async function startBehindProxy(
  report: ScenarioReport,
  resources: Resources,
): Promise<Catalog> {
  const port = await freePort();
  const catalogUrl = `http://127.0.0.1:${port}`;
  const proxy = await startFaultProxy(catalogUrl);
  resources.add(() => proxy.close());
  const settings = await newBackendSettings(resources, 'catalog', {
    catalogUrl: proxy.url,
    slo: { evaluation: { cacheTtl: '1s', frequency: '5s' } },
  });
  const api = await startSuiteBackend(resources, 'catalog', settings, {
    port,
  });
  report.note(
    `backend ${api.url} (pid ${api.backend.pid}); its plugins reach the catalog through the proxy ${proxy.url}`,
  );
  return { report, api, proxy, catalogUrl, samples: [] };
}

/** An hour of traffic, evaluated, then alice reads her pages once while the catalog answers. */
async function readPagesOnce({ report, api }: Catalog) {
  const last = Math.floor(Date.now() / MINUTE) - 1;
  await api.service('/api/slo/v1/samples', {
    json: {
      samples: Array.from({ length: 60 }, (_, i) => ({
        series: 'builtin/requests',
        timestamp: (last - 59 + i) * MINUTE,
        good: 995,
        total: 1000,
      })),
    },
  });
  // The first scheduled run may come before the catalog holds every SLO.
  await poll(
    'a scheduled evaluation of every SLO of the fixture',
    async () =>
      (await api.service('/api/slo/v1/slos')).body?.totalItems === 4
        ? true
        : undefined,
    60_000,
  );

  // Alice reads her pages once while the catalog answers.
  const warm = await Promise.all(PAGES.map(path => api.user(path)));
  const hiddenWarm = await Promise.all(HIDDEN_PAGES.map(p => api.user(p)));
  report.add('requests', warm.length + hiddenWarm.length + 2);
  report.held(
    'with the catalog answering, pages are fresh and hidden entities 404',
    warm.every(a => a.status === 200 && !a.body?.catalogStale) &&
      hiddenWarm.every(a => a.status === 404),
    warm
      .map((a, i) => `${PAGES[i]} ${a.status}`)
      .filter(s => !s.endsWith(' 200'))
      .join('; ') || `${warm.length} pages 200, hidden pages 404`,
  );
}

/** Users read every page back to back for FAULT_MS. */
async function readFor(catalog: Catalog, phase: Phase) {
  let stopping = false;
  const client = async (c: number) => {
    const paths = [...PAGES, ...HIDDEN_PAGES, NEVER_READ];
    for (let i = c; !stopping; i++) {
      const path = paths[i % paths.length];
      const answer = await catalog.api.user(path, { timeoutMs: 30_000 });
      catalog.report.add('requests');
      catalog.samples.push({ phase, path, answer });
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
  await sleep(FAULT_MS);
  stopping = true;
  await Promise.all(clients);
}

/** How long until every page answers fresh again (undefined after 30 s). */
async function recovery(api: Api): Promise<number | undefined> {
  const started = Date.now();
  return poll(
    'fresh answers',
    async () => {
      const answers = await Promise.all(PAGES.map(p => api.user(p)));
      return answers.every(a => a.status === 200 && !a.body?.catalogStale)
        ? Date.now() - started
        : undefined;
    },
    30_000,
    250,
  ).catch(() => undefined);
}
