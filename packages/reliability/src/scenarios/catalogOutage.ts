import { freePort } from '@triad/plugin-slo-backend-module-prometheus/testUtils';
import { poll } from '@triad/test-utils';
import { sleep } from '../lib/children';
import { FaultProxy, startFaultProxy } from '../lib/faultProxy';
import { HIDDEN_NAMES } from '../lib/fixtures';
import { Answer } from '../lib/http';
import { ScenarioReport } from '../lib/report';
import {
  Api,
  describe,
  newBackendSettings,
  Resources,
  startSuiteBackend,
} from '../suite/context';

const MINUTE = 60_000;
const CLIENTS = 3;
const FAULT_MS = 12_000;
/** The proxy holds each catalog request this long while the catalog is slow. */
const SLOW_MS = 8_000;
/**
 * CatalogMemory waits 3 s for the catalog when it remembers an answer, then
 * leaves it alone for 5 s; a request asks at most a few questions at once,
 * so it answers within the timeout plus the ordinary answer time.
 */
const LATENCY_BOUND_MS = 4_000;
/** Back-off (5 s) plus a request or two. */
const RECOVERY_BOUND_MS = 10_000;

/** The pages alice reads: SLO and ownership, entity and fleet-wide. */
const PAGES = [
  '/api/slo/v1/entities/component/default/svc-builtin/slos',
  '/api/slo/v1/entities/component/default/svc-builtin/policy',
  '/api/slo/v1/slos/default/slo-builtin',
  '/api/slo/v1/slos/default/slo-builtin/history',
  '/api/slo/v1/slos',
  '/api/ownership/v1/entities/component/default/svc-prom',
  '/api/ownership/v1/groups/default/team-platform/responsibilities',
  '/api/ownership/v1/lookup?q=svc',
  '/api/ownership/v1/coverage',
  '/api/ownership/v1/topology',
];
/** Pages of entities the policy hides from alice: never a 200. */
const HIDDEN_PAGES = [
  '/api/slo/v1/entities/component/default/svc-hidden/slos',
  '/api/slo/v1/slos/default/slo-hidden',
  '/api/ownership/v1/entities/component/default/svc-hidden',
];
/** A page alice never read: its visibility cannot be known from memory. */
const NEVER_READ = '/api/slo/v1/slos/default/slo-crash';

type Phase = 'failing' | 'slow';

interface Sample {
  phase: Phase;
  path: string;
  answer: Answer;
}

/**
 * The catalog is failing, then slow, for the SLO and ownership backends:
 * their catalog client reaches it through a loopback fault proxy
 * (`discovery.endpoints`), which first resets every connection and then
 * holds every request 8 s, while users read SLO and ownership pages.
 */
export function catalogOutage(report: ScenarioReport) {
  return Resources.using(resources => run(report, resources));
}

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

/** The backend whose plugins reach the catalog through the proxy, and what its readers saw. */
interface Catalog {
  report: ScenarioReport;
  api: Api;
  proxy: FaultProxy;
  /** Where the catalog really listens. */
  catalogUrl: string;
  samples: Sample[];
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

/** What held while the catalog was failing or slow. */
function checkPhase({ report, samples }: Catalog, phase: Phase) {
  const of = samples.filter(s => s.phase === phase);
  checkStalePages(report, phase, of);
  checkLatency(report, phase, of);
  checkHiddenNeverAppear(report, phase, of);
  checkNeverRead(report, phase, of);
  report.add(
    'serverErrors',
    of.filter(s => s.answer.status >= 500 && s.answer.status !== 503).length,
  );
  report.add('lost', of.filter(s => s.answer.status === 0).length);
}

function checkStalePages(report: ScenarioReport, phase: Phase, of: Sample[]) {
  const pages = of.filter(s => PAGES.includes(s.path));
  const bad = pages.filter(
    s => s.answer.status !== 200 || !s.answer.body?.catalogStale,
  );
  const ages = pages
    .map(s => s.answer.body?.catalogStale?.ageSeconds)
    .filter((a): a is number => typeof a === 'number');
  report.held(
    `catalog ${phase}: every page answers 200 from memory with catalogStale (asOf, age, reason)`,
    pages.length > 0 &&
      bad.length === 0 &&
      pages.every(
        s =>
          typeof s.answer.body.catalogStale.asOf === 'string' &&
          typeof s.answer.body.catalogStale.reason === 'string',
      ),
    `${pages.length} answers${
      bad.length
        ? `; ${bad.length} not, e.g. ${bad
            .slice(0, 3)
            .map(s => `${s.path}: ${describe(s.answer)}`)
            .join('; ')}`
        : `; ages ${Math.min(...ages)}–${Math.max(...ages)} s; reason "${
            pages[0].answer.body.catalogStale.reason
          }"`
    }`,
  );
}

function checkLatency(report: ScenarioReport, phase: Phase, of: Sample[]) {
  const slowest = Math.max(...of.map(s => s.answer.ms));
  report.held(
    `catalog ${phase}: every answer within ${LATENCY_BOUND_MS / 1000} s`,
    slowest < LATENCY_BOUND_MS,
    `p50 ${percentile(of, 0.5)} ms, p95 ${percentile(
      of,
      0.95,
    )} ms, max ${slowest.toFixed(0)} ms over ${of.length} answers`,
  );
}

function checkHiddenNeverAppear(
  report: ScenarioReport,
  phase: Phase,
  of: Sample[],
) {
  const hidden = of.filter(s => HIDDEN_PAGES.includes(s.path));
  // A hidden page's 404 names what was asked for; no other answer may
  // name a hidden entity.
  const leaks = of.filter(s =>
    HIDDEN_PAGES.includes(s.path)
      ? s.answer.status === 200
      : HIDDEN_NAMES.some(name => s.answer.text.includes(name)),
  );
  report.held(
    `catalog ${phase}: hidden entities never appear (their pages 404 or 503, no answer names them)`,
    hidden.length > 0 && leaks.length === 0,
    `${hidden.length} hidden pages: ${statusCounts(hidden)}${
      leaks.length
        ? `; LEAKED in ${leaks
            .slice(0, 3)
            .map(s => s.path)
            .join(', ')}`
        : ''
    }`,
  );
}

function checkNeverRead(report: ScenarioReport, phase: Phase, of: Sample[]) {
  // While the catalog is slow, its late answer to the first of these is
  // remembered, and answers the later ones from memory.
  const never = of.filter(s => s.path === NEVER_READ);
  const refused = (s: Sample) =>
    s.answer.status === 503 && !!s.answer.headers['retry-after'];
  report.held(
    `catalog ${phase}: a page whose visibility was never decided answers 503 with Retry-After${
      phase === 'slow' ? ' (later 200 from the late answer, stale)' : ''
    }`,
    never.length > 0 &&
      refused(never[0]) &&
      never.every(
        s =>
          refused(s) ||
          (phase === 'slow' &&
            s.answer.status === 200 &&
            !!s.answer.body?.catalogStale),
      ),
    `${never.length} answers: ${statusCounts(never)}`,
  );
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

function percentile(samples: Sample[], p: number): string {
  const sorted = samples.map(s => s.answer.ms).sort((a, b) => a - b);
  if (!sorted.length) return '–';
  return sorted[
    Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)
  ].toFixed(0);
}

function statusCounts(samples: Sample[]): string {
  const counts = new Map<number, number>();
  for (const s of samples) {
    counts.set(s.answer.status, (counts.get(s.answer.status) ?? 0) + 1);
  }
  return [...counts].map(([status, n]) => `${n} × ${status}`).join(', ');
}
