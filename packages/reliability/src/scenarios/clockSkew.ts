import { poll } from '@triad/test-utils';
import { BackendSettings } from '../lib/fixtures';
import { errorMessage } from '../lib/http';
import { withDatabase } from '../lib/postgres';
import { ScenarioReport } from '../lib/report';
import {
  Api,
  describe,
  newBackendSettings,
  Resources,
  startSuiteBackend,
} from '../suite/context';
import { runsOf, scheduleOf } from '../lib/scheduledRuns';

const MINUTE = 60_000;
/** Replica B's clock is this far ahead of A's (and of the database's). */
const SKEW_MS = 3 * MINUTE;
const FREQUENCY_MS = 5_000;
/** Ingest accepts samples up to 5 minutes ahead of the receiving replica's clock. */
const TOLERANCE_MS = 5 * MINUTE;
const SLO_REF = 'slo:default/slo-builtin';
const PAST_MINUTES = 30;
/** Minutes after the current one, pushed as all errors. */
const FUTURE_MINUTES = [2, 3, 4, 5];

/**
 * 11. Clock skew between replicas: two backends on one PostgreSQL, replica B
 * run with Debian's libfaketime 3 minutes ahead; samples in the "future"
 * window, ingest at the edges of its tolerance, scheduled runs and
 * snapshots.
 */
export function clockSkew(report: ScenarioReport) {
  return Resources.using(resources => run(report, resources));
}

async function run(report: ScenarioReport, resources: Resources) {
  const replicas = await startSkewedReplicas(report, resources);
  await checkIngestEdges(replicas);
  const push = await pushErrorsAhead(replicas);
  await watchScheduledRuns(replicas, push);
  const snapshots = await readSnapshots(replicas);
  checkOneSnapshotPerRun(replicas, push, snapshots);
  checkSnapshotInstants(replicas, push, snapshots);
  await checkSameLatestSnapshot(replicas);
  await checkHistory(replicas, snapshots);
}

interface Replicas {
  report: ScenarioReport;
  settings: BackendSettings;
  a: Api;
  /** Runs SKEW_MS ahead. */
  b: Api;
}

/** The samples pushed with errors ahead, and when. */
interface Push {
  pushedAt: number;
  /** Starts of the minutes of errors. */
  futureStarts: number[];
}

interface Snapshot {
  evaluatedAt: number;
  errorRatio?: number;
  error?: string;
}

/** Runs of both replicas on A's clock, by start. */
const allRuns = ({ a, b }: Replicas) =>
  [...runsOf(a, 'A'), ...runsOf(b, 'B', SKEW_MS)].sort(
    (x, y) => x.start - y.start,
  );

/** A minute counts when its start lies before the evaluation's instant. */
const expectedErrorRatio = ({ futureStarts }: Push, evaluatedAt: number) => {
  const bad = futureStarts.filter(start => start < evaluatedAt).length;
  return bad / (PAST_MINUTES + bad);
};

async function startSkewedReplicas(
  report: ScenarioReport,
  resources: Resources,
): Promise<Replicas> {
  const settings = await newBackendSettings(resources, 'skew', {
    slo: {
      evaluation: { cacheTtl: '1m', frequency: `${FREQUENCY_MS / 1000}s` },
    },
  });
  const a = await startSuiteBackend(resources, 'skew-a', settings, {
    waitForCatalog: false,
  });
  const b = await startSuiteBackend(resources, 'skew-b', settings, {
    clockOffsetSeconds: SKEW_MS / 1000,
  });
  await a.waitForCatalog();
  // (Not an SLO page: an evaluation on demand stores a snapshot too.)
  const answerB = await b.anonymous('/.backstage/health/v1/readiness');
  report.add('requests');
  const aheadMs = Date.parse(answerB.headers.date) - Date.now();
  report.held(
    'replica B runs 3 minutes ahead (its HTTP Date header)',
    Math.abs(aheadMs - SKEW_MS) < 5_000,
    `replica A ${a.url} (pid ${a.backend.pid}), replica B ${b.url} (pid ${
      b.backend.pid
    }) ahead by ${(aheadMs / 1000).toFixed(0)} s`,
  );
  return { report, settings, a, b };
}

async function checkIngestEdges({ report, a, b }: Replicas) {
  report.tried(
    `ingest at the edges of the ${
      TOLERANCE_MS / MINUTE
    }-minute tolerance for samples ahead, to each replica`,
  );
  const edge = async (api: Api, aheadOfRealMs: number) => {
    const answer = await api.service('/api/slo/v1/samples', {
      json: {
        samples: [
          {
            series: 'skew/edge',
            timestamp: Date.now() + aheadOfRealMs,
            good: 1,
            total: 1,
          },
        ],
      },
    });
    report.add('requests');
    return answer;
  };
  const cases: Array<[string, Api, number, number]> = [
    ['A, 4.5 min ahead of A', a, 4.5 * MINUTE, 202],
    ['A, 5.5 min ahead of A', a, 5.5 * MINUTE, 400],
    ['B, 4.5 min ahead of B (7.5 min ahead of A)', b, 7.5 * MINUTE, 202],
    ['A, the same 7.5 min ahead of A', a, 7.5 * MINUTE, 400],
    ['B, 5.5 min ahead of B', b, 8.5 * MINUTE, 400],
  ];
  const edges = [];
  for (const [what, api, ms, expected] of cases) {
    const answer = await edge(api, ms);
    edges.push({ what, answer, expected });
  }
  report.held(
    'a sample is accepted up to 5 minutes ahead of the receiving replica’s clock, refused beyond with a 400 naming the field',
    edges.every(
      e =>
        e.answer.status === e.expected &&
        (e.expected === 202 ||
          /timestamp.*in the future/.test(errorMessage(e.answer) ?? '')),
    ),
    edges.map(e => `${e.what}: ${describe(e.answer)}`).join('; '),
  );
}

/**
 * 30 good minutes up to the last complete one, then 4 minutes of errors in
 * A's future (B's present): how much of them an evaluation counts depends
 * only on the instant it was made at.
 */
async function pushErrorsAhead({ report, a }: Replicas): Promise<Push> {
  const last = Math.floor(Date.now() / MINUTE) - 1;
  const futureStarts = FUTURE_MINUTES.map(m => (last + m) * MINUTE);
  const pushed = await a.service('/api/slo/v1/samples', {
    json: {
      samples: [
        ...Array.from({ length: PAST_MINUTES }, (_, i) => ({
          series: 'builtin/requests',
          timestamp: (last - PAST_MINUTES + 1 + i) * MINUTE,
          good: 1000,
          total: 1000,
        })),
        ...futureStarts.map(timestamp => ({
          series: 'builtin/requests',
          timestamp,
          good: 0,
          total: 1000,
        })),
      ],
    },
  });
  const pushedAt = Date.now();
  report.add('requests');
  report.add('acknowledged', pushed.status === 202 ? PAST_MINUTES + 4 : 0);
  report.held(
    `${PAST_MINUTES} minutes of good samples and ${FUTURE_MINUTES.length} minutes of errors 2–5 minutes ahead, pushed to replica A`,
    pushed.status === 202,
    describe(pushed),
  );
  return { pushedAt, futureStarts };
}

async function watchScheduledRuns(replicas: Replicas, { pushedAt }: Push) {
  const { report, a } = replicas;
  const runsAfterPush = (replica: string) =>
    allRuns(replicas).filter(r => r.start > pushedAt && r.replica === replica)
      .length;
  // Both replicas poll on a fixed phase, so one of them may win every claim;
  // A is paused (SIGSTOP) until B has run twice, so that B's clock makes
  // snapshots too, then resumed.
  await poll(
    'a scheduled run by replica A after the push',
    async () => (runsAfterPush('A') > 0 ? true : undefined),
    30_000,
    250,
  );
  report.tried(
    'replica A paused (SIGSTOP) until replica B has made two scheduled runs, then resumed',
  );
  process.kill(a.backend.pid, 'SIGSTOP');
  try {
    await poll(
      'two scheduled runs by replica B',
      async () => (runsAfterPush('B') >= 2 ? true : undefined),
      30_000,
      250,
    );
  } finally {
    process.kill(a.backend.pid, 'SIGCONT');
  }
  const total = allRuns(replicas).length;
  await poll(
    'two more scheduled runs',
    async () => (allRuns(replicas).length >= total + 2 ? true : undefined),
    30_000,
    250,
  );
  const runs = allRuns(replicas);
  const { spanMs, allowed, keptTo } = scheduleOf(runs, FREQUENCY_MS);
  report.held(
    'the scheduled evaluation runs once per interval across both replicas (the scheduler keeps time on the database), never two at once',
    keptTo,
    `${runs.length} runs over ${(spanMs / 1000).toFixed(
      1,
    )} s (at most ${allowed} allowed); run by replica ${runs
      .map(r => r.replica)
      .join('')}`,
  );
}

/** The stored snapshots of SLO_REF (runs logged before they are read have stored theirs). */
function readSnapshots({ settings }: Replicas): Promise<Snapshot[]> {
  return withDatabase(`${settings.databasePrefix}slo`, async db =>
    (
      await db('slo_snapshots')
        .where('slo_ref', SLO_REF)
        .select('evaluated_at', 'result')
    ).map(r => ({
      evaluatedAt: Number(r.evaluated_at),
      errorRatio: JSON.parse(r.result).objectives[0]?.errorRatio,
      error: JSON.parse(r.result).error,
    })),
  );
}

/**
 * Each snapshot carries the clock of the replica that made it: matched to a
 * run by that replica's own log times (B's are 3 minutes ahead).
 */
function runMatcher({ a, b }: Replicas) {
  const ownRuns = [...runsOf(a, 'A'), ...runsOf(b, 'B')];
  const runOf = (e: number) =>
    ownRuns.find(r => e >= r.start && e <= r.end) ??
    runsOf(b, 'B').find(r => e >= r.start && e <= r.end) ??
    runsOf(a, 'A').find(r => e >= r.start && e <= r.end);
  return { ownRuns, runOf, ownerOf: (e: number) => runOf(e)?.replica };
}

function checkOneSnapshotPerRun(
  replicas: Replicas,
  { pushedAt }: Push,
  rows: Snapshot[],
) {
  const { ownRuns, runOf } = runMatcher(replicas);
  const offsetOf = (replica: string) => (replica === 'B' ? SKEW_MS : 0);
  const runsAfterThePush = ownRuns.filter(
    r => r.start - offsetOf(r.replica) > pushedAt,
  );
  const perRun = runsAfterThePush.map(
    r => rows.filter(row => runOf(row.evaluatedAt) === r).length,
  );
  const unmatched = rows.filter(r => !runOf(r.evaluatedAt));
  replicas.report.held(
    'one snapshot per scheduled run, whichever replica ran it (no SLO page was asked for)',
    runsAfterThePush.length > 0 &&
      perRun.every(n => n === 1) &&
      unmatched.length === 0,
    `${
      rows.length
    } snapshots of ${SLO_REF}, each made by a logged run; snapshots per run after the push: ${perRun.join(
      ', ',
    )}${unmatched.length ? `; ${unmatched.length} by no run` : ''}`,
  );
}

function checkSnapshotInstants(
  replicas: Replicas,
  push: Push,
  rows: Snapshot[],
) {
  const { ownerOf } = runMatcher(replicas);
  const realInstant = (e: number) => (ownerOf(e) === 'B' ? e - SKEW_MS : e);
  const checked = rows.filter(r => realInstant(r.evaluatedAt) > push.pushedAt);
  const wrong = checked.filter(
    r =>
      !ownerOf(r.evaluatedAt) ||
      r.errorRatio === undefined ||
      Math.abs(r.errorRatio - expectedErrorRatio(push, r.evaluatedAt)) > 1e-9,
  );
  const ahead = checked.filter(r => ownerOf(r.evaluatedAt) === 'B');
  const values = [
    ...new Set(
      checked.map(r => `${ownerOf(r.evaluatedAt)} ${r.errorRatio?.toFixed(4)}`),
    ),
  ].join(', ');
  replicas.report.held(
    'every snapshot counts exactly the samples before its own instant: the errors in A’s future are in B’s snapshots and not in A’s',
    checked.length > 0 &&
      ahead.length > 0 &&
      ahead.length < checked.length &&
      wrong.length === 0,
    `${checked.length} snapshots after the push (${
      ahead.length
    } stamped by B, 3 min ahead); error ratios by replica: ${values} (by hand: A 0 until the first error minute starts, B ${expectedErrorRatio(
      push,
      push.pushedAt + SKEW_MS,
    ).toFixed(4)} or more as its clock passes the next error minute)${
      wrong.length
        ? `; ${wrong.length} wrong, e.g. at ${new Date(
            wrong[0].evaluatedAt,
          ).toISOString()}: ${
            wrong[0].errorRatio
          } (expected ${expectedErrorRatio(push, wrong[0].evaluatedAt)})`
        : ''
    }`,
  );
}

/** Both serve the one latest snapshot (the last run's, whoever ran it). */
async function checkSameLatestSnapshot({ report, a, b }: Replicas) {
  const fleets = await poll(
    'both replicas serving the same latest snapshot',
    async () => {
      const [fa, fb] = await Promise.all([
        a.service('/api/slo/v1/slos'),
        b.service('/api/slo/v1/slos'),
      ]);
      report.add('requests', 2);
      const at = (body: any) =>
        body?.items?.find((i: { ref: string }) => i.ref === SLO_REF)
          ?.evaluatedAt;
      return at(fa.body) && at(fa.body) === at(fb.body)
        ? at(fa.body)
        : undefined;
    },
    10_000,
    200,
  ).catch(() => undefined);
  report.held(
    'both replicas list the same latest snapshot',
    fleets !== undefined,
    `evaluatedAt ${fleets}`,
  );
}

async function checkHistory({ report, a, b }: Replicas, rows: Snapshot[]) {
  const [historyA, historyB] = await Promise.all([
    a.service(`/api/slo/v1/slos/default/slo-builtin/history`),
    b.service(`/api/slo/v1/slos/default/slo-builtin/history`),
  ]);
  report.add('requests', 2);
  const pointsA = historyA.body?.points?.length ?? 0;
  const pointsB = historyB.body?.points?.length ?? 0;
  report.held(
    'no snapshot is lost from history: the replica ahead lists them all',
    historyB.status === 200 && pointsB >= rows.length,
    `history from B: ${pointsB} points, from A: ${pointsA} (A's default range ends at A's now, before the snapshots B stamped in A's future)`,
  );
}
