import { poll } from '@triad/test-utils';
import { errorMessage } from '../../lib/http';
import { ScenarioReport } from '../../lib/report';
import { Api, describe, Resources } from '../../suite/context';
import { scheduleOf } from '../../lib/scheduledRuns';
import {
  Replicas,
  Push,
  FREQUENCY_MS,
  TOLERANCE_MS,
  PAST_MINUTES,
  FUTURE_MINUTES,
  allRuns,
  startSkewedReplicas,
} from './replicas';
import {
  readSnapshots,
  checkOneSnapshotPerRun,
  checkSnapshotInstants,
  checkSameLatestSnapshot,
  checkHistory,
} from './snapshots';
import { MINUTE, withResources } from '../../lib/scenario';

/**
 * 11. Clock skew between replicas: two backends on one PostgreSQL, replica B
 * run with Debian's libfaketime 3 minutes ahead; samples in the "future"
 * window, ingest at the edges of its tolerance, scheduled runs and
 * snapshots.
 */
export const clockSkew = withResources(run);

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
