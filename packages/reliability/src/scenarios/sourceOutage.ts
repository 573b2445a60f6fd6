import { sleep } from '../lib/children';
import { poll } from '@triad/test-utils';
import { Answer } from '../lib/http';
import { ScenarioReport } from '../lib/report';
import { describe, MainSetup } from '../suite/context';

/** The configured source timeout of the suite's Prometheus data source. */
export const SOURCE_TIMEOUT_MS = 2_000;
/** Slack on top of the timeout for the rest of a request (catalog, JSON). */
export const SLACK_MS = 1_000;

const SLO = '/api/slo/v1/slos/default/slo-prom';
const ENDPOINTS = [
  SLO,
  '/api/slo/v1/entities/component/default/svc-prom/slos',
  '/api/slo/v1/entities/component/default/svc-prom/policy',
];

/** The evaluation of slo-prom in whichever shape the endpoint answers. */
function resultOf(path: string, body: any) {
  if (path.endsWith('/slos')) return body?.items?.[0];
  if (path.endsWith('/policy')) return undefined;
  return body;
}

/**
 * 1. Source outage: the real Prometheus behind slo-prom is stopped mid-test,
 * then started again over the same data.
 */
export async function sourceOutage(setup: MainSetup, report: ScenarioReport) {
  const fresh = await freshAnswer(setup, report);
  report.tried('stopping Prometheus (SIGTERM; the process exits)');
  await setup.prom.stop();
  report.add('faults');
  await readWhileDown(setup, report, fresh);
  await startAgain(setup, report, fresh);
}

/** The answer slo-prom gave while Prometheus was up. */
type Fresh = Answer;

async function freshAnswer(
  { api, prom }: MainSetup,
  report: ScenarioReport,
): Promise<Fresh> {
  report.tried(
    `GET ${SLO} while Prometheus ${prom.prometheus.url} answers (through the suite's loopback proxy)`,
  );
  const fresh = await poll('a fresh evaluation of slo-prom', async () => {
    const a = await api.user(SLO);
    return a.status === 200 && a.body.stale === false && !a.body.error
      ? a
      : undefined;
  });
  report.add('requests');
  const freshSli = fresh.body.objectives[0].sli;
  report.held(
    'fresh answer from Prometheus',
    Math.abs(freshSli - 0.999) < 1e-6,
    `sli ${freshSli} (the data has 1 error in 1000 requests), evaluated ${
      fresh.body.evaluatedAt
    }, ${fresh.ms.toFixed(0)} ms`,
  );

  return fresh;
}

/** Every endpoint, round after round for 6 s after the stop: in time, stale, the last good snapshot. */
async function readWhileDown(
  { api }: MainSetup,
  report: ScenarioReport,
  fresh: Fresh,
) {
  const stoppedAt = Date.now();
  // Answers are cached for cacheTtl (1 s in the suite): wait past it.
  await sleep(1_200);

  let rounds = 0;
  const slow: string[] = [];
  const wrong: string[] = [];
  let reason = '';
  while (Date.now() - stoppedAt < 6_000) {
    rounds++;
    for (const path of ENDPOINTS) {
      const a = await api.user(path);
      report.add('requests');
      if (a.ms > SOURCE_TIMEOUT_MS + SLACK_MS) {
        slow.push(`${path} ${a.ms.toFixed(0)} ms`);
      }
      const problem = problemOf(path, a, fresh);
      if (problem) wrong.push(problem);
      reason ||=
        (a.status === 200 && resultOf(path, a.body)?.staleReason) || '';
    }
    await sleep(500);
  }
  report.held(
    `every answer within the source timeout (${SOURCE_TIMEOUT_MS / 1000} s + ${
      SLACK_MS / 1000
    } s slack) while Prometheus is down`,
    slow.length === 0,
    slow.length
      ? slow.join('; ')
      : `${rounds * ENDPOINTS.length} requests over ${rounds} rounds`,
  );
  report.held(
    'the last good snapshot is served, stale: true with the reason',
    wrong.length === 0 && /unreachable|prometheus/i.test(reason),
    wrong.length ? wrong.slice(0, 5).join('; ') : `staleReason: "${reason}"`,
  );

  const list = await api.user('/api/slo/v1/slos');
  report.add('requests');
  const listed = list.body?.items?.find(
    (s: any) => s.ref === 'slo:default/slo-prom',
  );
  report.held(
    'the fleet list shows the SLO as stale too',
    list.status === 200 && listed?.stale === true,
    `GET /v1/slos → ${list.status}, slo-prom stale: ${listed?.stale}`,
  );
}

/** What is wrong with an answer while Prometheus is down: it must be the last good snapshot, stale with a reason. */
function problemOf(path: string, a: Answer, fresh: Fresh): string | undefined {
  if (a.status !== 200) return `${path}: ${describe(a)}`;
  if (path.endsWith('/policy')) {
    return a.body.reasons?.some((r: any) => r.sloRef === 'slo:default/slo-prom')
      ? undefined
      : `${path}: no reason for slo-prom`;
  }
  const r = resultOf(path, a.body);
  if (
    r?.stale !== true ||
    !r.staleReason ||
    r.evaluatedAt !== fresh.body.evaluatedAt ||
    r.objectives?.[0]?.sli !== fresh.body.objectives[0].sli
  ) {
    return `${path}: stale ${r?.stale}, reason ${r?.staleReason}, evaluatedAt ${r?.evaluatedAt}`;
  }
  return undefined;
}

async function startAgain(
  { api, prom }: MainSetup,
  report: ScenarioReport,
  fresh: Fresh,
) {
  const freshSli = fresh.body.objectives[0].sli;
  report.tried('starting Prometheus again over the same data');
  const startupMs = await prom.restart();
  const restartedAt = Date.now();
  const recovered = await poll(
    'a fresh answer after the restart',
    async () => {
      const a = await api.user(SLO);
      report.add('requests');
      return a.status === 200 && a.body.stale === false ? a : undefined;
    },
    20_000,
  ).catch(() => undefined);
  report.held(
    'fresh answers after the restart, stale cleared',
    !!recovered &&
      recovered.body.staleReason === undefined &&
      Date.parse(recovered.body.evaluatedAt) >
        Date.parse(fresh.body.evaluatedAt) &&
      Math.abs(recovered.body.objectives[0].sli - freshSli) < 1e-6,
    recovered
      ? `fresh ${((Date.now() - restartedAt) / 1000).toFixed(
          1,
        )} s after Prometheus was ready again (its start took ${(
          startupMs / 1000
        ).toFixed(1)} s), sli ${recovered.body.objectives[0].sli}`
      : 'still stale after 20 s',
  );
  const after = await api.user(
    '/api/slo/v1/entities/component/default/svc-prom/slos',
  );
  report.add('requests');
  report.held(
    'the entity endpoint is fresh again',
    after.status === 200 && after.body.items?.[0]?.stale === false,
    describe(after),
  );
}
