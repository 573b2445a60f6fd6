import { sleep } from '../lib/children';
import { FaultProxy } from '../lib/faultProxy';
import { Answer } from '../lib/http';
import { ScenarioReport } from '../lib/report';
import { describe, MainSetup } from '../suite/context';
import { SLACK_MS, SOURCE_TIMEOUT_MS } from './sourceOutage';

const SLO = '/api/slo/v1/slos/default/slo-prom';
/** How long the proxy holds each Prometheus request: longer than the source timeout. */
const DELAY_MS = 5_000;
const BURST = 20;
const OTHERS = [
  '/api/catalog/entities/by-name/component/default/svc-builtin',
  '/api/catalog/entities?filter=kind=component&fields=metadata.name',
  '/api/ownership/v1/entities/component/default/svc-builtin',
];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[
      Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
    ] ?? 0
  );
};

/** Scheduled evaluations that ended in a time range, from the backend's log. */
function scheduledRuns(setup: MainSetup, from: number, to: number): number {
  return setup.api.backend
    .grep(/^Evaluated \d+ SLOs/)
    .filter(l => l.at >= from && l.at <= to).length;
}

/**
 * 2. Slow source: the proxy holds every Prometheus request longer than the
 * source timeout, while users keep asking for the SLO.
 */
export async function slowSource(setup: MainSetup, report: ScenarioReport) {
  const baseline = await othersUnloaded(setup, report);
  setup.prom.proxy.delayMs = DELAY_MS;
  report.add('faults');
  await burst(setup, report, baseline);
  await sustainedLoad(setup, report);
  await moderateDelay(setup, report);
  setup.prom.proxy.delayMs = 0;
}

/** Other plugins, unloaded: the baseline of their answer times. */
async function othersUnloaded({ api }: MainSetup, report: ScenarioReport) {
  const baseline: number[] = [];
  for (let i = 0; i < 10; i++) {
    for (const path of OTHERS) baseline.push((await api.user(path)).ms);
  }
  report.add('requests', baseline.length);
  return baseline;
}

/** BURST concurrent requests for the SLO while other plugins are called every 50 ms. */
async function burst(
  setup: MainSetup,
  report: ScenarioReport,
  baseline: number[],
) {
  const { api } = setup;
  const { proxy } = setup.prom;
  report.tried(
    `proxy holds each Prometheus request ${DELAY_MS / 1000} s (source timeout ${
      SOURCE_TIMEOUT_MS / 1000
    } s); ${BURST} concurrent GET ${SLO}, while other plugins are called every 50 ms`,
  );
  await sleep(1_200); // past the cache TTL of the last fresh answer
  const before = proxy.requests.length;
  const burstStart = Date.now();
  let bursting = true;
  const during: number[] = [];
  const othersFailed: string[] = [];
  const others = (async () => {
    while (bursting) {
      for (const path of OTHERS) {
        const a = await api.user(path);
        during.push(a.ms);
        if (a.status !== 200) othersFailed.push(`${path}: ${describe(a)}`);
      }
      await sleep(50);
    }
  })();
  const answers: Answer[] = await Promise.all(
    Array.from({ length: BURST }, () => api.user(SLO)),
  );
  bursting = false;
  await others;
  report.add('requests', BURST + during.length);

  checkStaleInTime(report, answers);
  // Let the proxy see the backend hang up.
  await sleep(300);
  checkNoPileUp(setup, report, proxy.requests.slice(before), burstStart);
  checkOthersResponsive(report, { baseline, during, othersFailed });
}

function checkStaleInTime(report: ScenarioReport, answers: Answer[]) {
  const slowest = Math.max(...answers.map(a => a.ms));
  report.held(
    'every request answered within the timeout',
    answers.every(a => a.status === 200) &&
      slowest <= SOURCE_TIMEOUT_MS + SLACK_MS,
    `${
      answers.filter(a => a.status === 200).length
    }/${BURST} answered 200, slowest ${slowest.toFixed(0)} ms`,
  );
  const reasons = [...new Set(answers.map(a => a.body?.staleReason))];
  report.held(
    'served from the last snapshot, stale with the reason',
    answers.every(a => a.body?.stale === true) &&
      reasons.length === 1 &&
      /did not answer/.test(String(reasons[0])),
    `staleReason: ${reasons.map(r => `"${r}"`).join(', ')}`,
  );
}

function checkNoPileUp(
  setup: MainSetup,
  report: ScenarioReport,
  burstRequests: FaultProxy['requests'],
  burstStart: number,
) {
  const { proxy } = setup.prom;
  const scheduled = scheduledRuns(setup, burstStart, Date.now() + 3_000);
  report.held(
    `no pile-up: ${BURST} concurrent requests share one evaluation`,
    burstRequests.length === 1 + scheduled,
    `${burstRequests.length} request(s) reached Prometheus${
      scheduled ? ` (${scheduled} of them from a scheduled run)` : ''
    }`,
  );
  const gaveUp = burstRequests.map(r => r.callerGaveUpAfterMs);
  report.held(
    'the backend hangs up on Prometheus at the timeout, nothing left open',
    gaveUp.every(
      ms => ms !== undefined && Math.abs(ms - SOURCE_TIMEOUT_MS) < 500,
    ) && proxy.inFlight() === 0,
    `hung up after ${gaveUp
      .map(ms => `${ms} ms`)
      .join(', ')}; ${proxy.inFlight()} still open at the proxy`,
  );
}

function checkOthersResponsive(
  report: ScenarioReport,
  {
    baseline,
    during,
    othersFailed,
  }: { baseline: number[]; during: number[]; othersFailed: string[] },
) {
  report.held(
    'other plugins stay responsive meanwhile',
    othersFailed.length === 0 && percentile(during, 95) < 1_000,
    `${
      during.length
    } catalog/ownership requests during the burst: p50 ${percentile(
      during,
      50,
    ).toFixed(0)} ms, p95 ${percentile(during, 95).toFixed(
      0,
    )} ms, max ${Math.max(...during).toFixed(0)} ms (unloaded: p50 ${percentile(
      baseline,
      50,
    ).toFixed(0)} ms, max ${Math.max(...baseline).toFixed(0)} ms)${
      othersFailed.length
        ? `; failed: ${othersFailed.slice(0, 3).join('; ')}`
        : ''
    }`,
  );
}

/** Sustained load: clients asking back to back for 10 s. */
async function sustainedLoad(setup: MainSetup, report: ScenarioReport) {
  const { api } = setup;
  const { proxy } = setup.prom;
  const CLIENTS = 5;
  const SUSTAIN_MS = 10_000;
  report.tried(
    `${CLIENTS} clients asking for the SLO back to back for ${
      SUSTAIN_MS / 1000
    } s, still slow`,
  );
  await sleep(1_200);
  const sustainBefore = proxy.requests.length;
  const sustainStart = Date.now();
  const sustained: Answer[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() - sustainStart < SUSTAIN_MS) {
        sustained.push(await api.user(SLO));
      }
    }),
  );
  await sleep(300);
  report.add('requests', sustained.length);
  const upstream = proxy.requests.length - sustainBefore;
  const sustainScheduled = scheduledRuns(
    setup,
    sustainStart,
    Date.now() + 3_000,
  );
  // One evaluation (timeout) then its stale answer cached for cacheTtl (1 s).
  const bound = Math.ceil(SUSTAIN_MS / (SOURCE_TIMEOUT_MS + 1_000)) + 1;
  report.held(
    'sustained load: one upstream request per timeout + cache period, not per request',
    upstream <= bound + sustainScheduled &&
      sustained.every(
        a => a.status === 200 && a.ms <= SOURCE_TIMEOUT_MS + SLACK_MS,
      ),
    `${
      sustained.length
    } requests → ${upstream} upstream (at most ${bound} expected); slowest ${Math.max(
      ...sustained.map(a => a.ms),
    ).toFixed(0)} ms; ${proxy.inFlight()} open at the proxy`,
  );
}

/** A source slower than usual but within the timeout is waited for. */
async function moderateDelay({ api, prom }: MainSetup, report: ScenarioReport) {
  const MODERATE_MS = 600;
  prom.proxy.delayMs = MODERATE_MS;
  report.tried(`proxy delay ${MODERATE_MS} ms, under the timeout`);
  await sleep(1_200);
  const moderate = await api.user(SLO);
  report.add('requests');
  report.held(
    'a slow but timely source gives a fresh answer',
    moderate.status === 200 &&
      moderate.body.stale === false &&
      moderate.ms >= MODERATE_MS &&
      moderate.ms < SOURCE_TIMEOUT_MS + SLACK_MS,
    `${describe(moderate)}, stale ${
      moderate.body?.stale
    }, ${moderate.ms.toFixed(0)} ms`,
  );
}
