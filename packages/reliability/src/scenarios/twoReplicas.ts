import { isDeepStrictEqual } from 'util';
import { sleep } from '../lib/children';
import { poll } from '@triad/test-utils';
import { BackendSettings } from '../lib/fixtures';
import { withDatabase } from '../lib/postgres';
import { ScenarioReport } from '../lib/report';
import { threeHoursOfTraffic } from '../lib/samples';
import { runsOf, scheduleOf, START_JITTER_MS } from '../lib/scheduledRuns';
import {
  Api,
  newBackendSettings,
  redisSettings,
  Resources,
  startSuiteBackend,
} from '../suite/context';
import { withResources } from '../lib/scenario';

const FREQUENCY_MS = 5_000;
const RUNS_TO_WATCH = 6;

/** Drops what legitimately differs between replicas: when each built its index. */
const withoutIndexedAt = (body: any) => ({ ...body, indexedAt: undefined });

/**
 * 4. Two replicas against one PostgreSQL and one Redis: the scheduled
 * evaluation runs once per interval across both, and both serve the same
 * answers.
 */
export const twoReplicas = withResources(run);

async function run(report: ScenarioReport, resources: Resources) {
  const replicas = await startReplicas(report, resources);
  await pushTraffic(replicas);
  await checkOneRunPerInterval(replicas);
  await checkOneSnapshotPerRun(replicas);
  await checkSameAnswers(replicas);
}

interface Replicas {
  report: ScenarioReport;
  settings: BackendSettings;
  a: Api;
  b: Api;
}

const allRuns = ({ a, b }: Replicas) =>
  [...runsOf(a, 'A'), ...runsOf(b, 'B')].sort((x, y) => x.start - y.start);

async function startReplicas(
  report: ScenarioReport,
  resources: Resources,
): Promise<Replicas> {
  const settings = await newBackendSettings(resources, 'replicas', {
    redis: redisSettings(`triad-reliability-replicas-${Date.now()}`),
    slo: {
      evaluation: { cacheTtl: '1m', frequency: `${FREQUENCY_MS / 1000}s` },
    },
  });
  report.tried(
    `two backends on database prefix ${
      settings.databasePrefix
    }, Redis cache namespace ${
      settings.redis!.namespace
    }, slo.evaluation.frequency ${
      FREQUENCY_MS / 1000
    }s; B starts once A is up (as in a rolling deployment: Backstage's catalog cannot run its first migrations from two processes at once)`,
  );
  const a = await startSuiteBackend(resources, 'replica-a', settings, {
    waitForCatalog: false,
  });
  const b = await startSuiteBackend(resources, 'replica-b', settings);
  await a.waitForCatalog();
  report.note(
    `replica A ${a.url} (pid ${a.backend.pid}), replica B ${b.url} (pid ${b.backend.pid})`,
  );
  return { report, settings, a, b };
}

/** Three hours of traffic for slo-builtin, pushed to A. */
async function pushTraffic({ report, a }: Replicas) {
  const samples = threeHoursOfTraffic();
  const pushed = await a.service('/api/slo/v1/samples', { json: { samples } });
  report.add('requests');
  report.held(
    'samples pushed to replica A',
    pushed.status === 202,
    `${pushed.status}`,
  );
}

async function checkOneRunPerInterval(replicas: Replicas) {
  const { report } = replicas;
  report.tried(
    `watching both logs for ${RUNS_TO_WATCH} scheduled runs (the first comes right after start)`,
  );
  await poll(
    `${RUNS_TO_WATCH} scheduled runs`,
    async () => (allRuns(replicas).length >= RUNS_TO_WATCH ? true : undefined),
    30_000 + RUNS_TO_WATCH * 2 * FREQUENCY_MS + 15_000,
    250,
  );
  const runs = allRuns(replicas);
  const { gaps, spanMs, allowed, keptTo } = scheduleOf(runs, FREQUENCY_MS);
  report.held(
    'the scheduled evaluation runs once per interval across both replicas, never two at once',
    keptTo,
    `${runs.length} runs over ${(spanMs / 1000).toFixed(1)} s at ${
      FREQUENCY_MS / 1000
    } s (at most ${allowed} allowed with the scheduler's ${
      START_JITTER_MS / 1000
    } s start jitter; two independent schedules would give about ${
      2 * allowed
    }); runs took ${runs
      .map(r => `${r.end - r.start} ms`)
      .join(', ')}; idle between runs ${gaps
      .map(g => `${(g / 1000).toFixed(2)} s`)
      .join(', ')}; run by replica ${runs.map(r => r.replica).join('')}`,
  );
  report.note(`e.g. "${runs[0].message}"`);
}

/** Each run stores one snapshot per SLO: the database agrees with the logs. */
async function checkOneSnapshotPerRun(replicas: Replicas) {
  const { report, settings } = replicas;
  const snapshots = await withDatabase(
    `${settings.databasePrefix}slo`,
    async db =>
      (
        await db('slo_snapshots')
          .select('evaluated_at')
          .where('slo_ref', 'slo:default/slo-builtin')
          .orderBy('evaluated_at')
      ).map(r => Number(r.evaluated_at)),
  );
  // The first run comes right after start, often before the catalog holds
  // the fixture: a run that evaluated no SLO stores no snapshot.
  const evaluating = allRuns(replicas).filter(
    r => Number(/^Evaluated (\d+) SLOs/.exec(r.message)?.[1]) > 0,
  );
  const runsNow = evaluating.length;
  report.held(
    'one snapshot of each SLO per run',
    snapshots.length === runsNow,
    `${
      snapshots.length
    } snapshots of slo-builtin in PostgreSQL for ${runsNow} runs that evaluated SLOs, logged by the two replicas (${
      allRuns(replicas).length - runsNow
    } runs found no SLO yet)`,
  );
}

async function checkSameAnswers({ report, a, b }: Replicas) {
  // Both replicas answer the same, read right after each other (retried
  // when a scheduled run lands in between).
  const same = async (
    what: string,
    path: string,
    normalise: (body: any) => unknown = x => x,
  ) => {
    let detail = '';
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [x, y] = [await a.user(path), await b.user(path)];
      report.add('requests', 2);
      if (
        x.status === 200 &&
        y.status === 200 &&
        isDeepStrictEqual(normalise(x.body), normalise(y.body))
      ) {
        return report.held(
          `both replicas answer the same: ${what}`,
          true,
          `${path}${attempt > 1 ? ` (attempt ${attempt})` : ''}`,
        );
      }
      detail = `${path}: A ${x.status} ${x.text.slice(0, 120)} / B ${
        y.status
      } ${y.text.slice(0, 120)}`;
      await sleep(500);
    }
    return report.held(`both replicas answer the same: ${what}`, false, detail);
  };
  report.tried('the same requests to A and to B, as the user');
  await same('fleet list', '/api/slo/v1/slos');
  await same(
    'one SLO, evaluated once and shared through Redis (same evaluatedAt)',
    '/api/slo/v1/slos/default/slo-builtin',
  );
  const to = new Date().toISOString();
  await same(
    'history',
    `/api/slo/v1/slos/default/slo-builtin/history?from=${new Date(
      Date.now() - 3_600_000,
    ).toISOString()}&to=${to}`,
  );
  await same(
    'policy',
    '/api/slo/v1/entities/component/default/svc-builtin/policy',
    body => ({ ...body, evaluatedAt: undefined }),
  );
  await same(
    'ownership of an entity',
    '/api/ownership/v1/entities/component/default/svc-prom',
    withoutIndexedAt,
  );
  await same('coverage', '/api/ownership/v1/coverage', withoutIndexedAt);
  await same('topology', '/api/ownership/v1/topology', withoutIndexedAt);
}
