import { BackendSettings } from '../../lib/fixtures';
import { ScenarioReport } from '../../lib/report';
import {
  Api,
  newBackendSettings,
  Resources,
  startSuiteBackend,
} from '../../suite/context';
import { runsOf } from '../../lib/scheduledRuns';
import { MINUTE } from '../../lib/scenario';

/** Replica B's clock is this far ahead of A's (and of the database's). */
export const SKEW_MS = 3 * MINUTE;
export const FREQUENCY_MS = 5_000;
/** Ingest accepts samples up to 5 minutes ahead of the receiving replica's clock. */
export const TOLERANCE_MS = 5 * MINUTE;
export const SLO_REF = 'slo:default/slo-builtin';
export const PAST_MINUTES = 30;
/** Minutes after the current one, pushed as all errors. */
export const FUTURE_MINUTES = [2, 3, 4, 5];

export interface Replicas {
  report: ScenarioReport;
  settings: BackendSettings;
  a: Api;
  /** Runs SKEW_MS ahead. */
  b: Api;
}

/** The samples pushed with errors ahead, and when. */
export interface Push {
  pushedAt: number;
  /** Starts of the minutes of errors. */
  futureStarts: number[];
}

/** Runs of both replicas on A's clock, by start. */
export const allRuns = ({ a, b }: Replicas) =>
  [...runsOf(a, 'A'), ...runsOf(b, 'B', SKEW_MS)].sort(
    (x, y) => x.start - y.start,
  );

/** A minute counts when its start lies before the evaluation's instant. */
export const expectedErrorRatio = (
  { futureStarts }: Push,
  evaluatedAt: number,
) => {
  const bad = futureStarts.filter(start => start < evaluatedAt).length;
  return bad / (PAST_MINUTES + bad);
};

export async function startSkewedReplicas(
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
