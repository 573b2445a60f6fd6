import { poll } from '@triad/test-utils';
import { withDatabase } from '../../lib/postgres';
import { runsOf } from '../../lib/scheduledRuns';
import {
  Replicas,
  Push,
  SKEW_MS,
  SLO_REF,
  expectedErrorRatio,
} from './replicas';

interface Snapshot {
  evaluatedAt: number;
  errorRatio?: number;
  error?: string;
}

/** The stored snapshots of SLO_REF (runs logged before they are read have stored theirs). */
export function readSnapshots({ settings }: Replicas): Promise<Snapshot[]> {
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

export function checkOneSnapshotPerRun(
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

export function checkSnapshotInstants(
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
export async function checkSameLatestSnapshot({ report, a, b }: Replicas) {
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

export async function checkHistory(
  { report, a, b }: Replicas,
  rows: Snapshot[],
) {
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
