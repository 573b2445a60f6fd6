import {
  AppliedReleaseGatePolicy,
  PolicyDecision,
  PolicyReason,
  ReleaseGatePolicy,
  SloResult,
} from '@triad/plugin-slo-common';

const percent = (r: number) => `${(r * 100).toFixed(1)} %`;

type Objective = SloResult['objectives'][number];

/** What one objective says about releasing; `note` tells a stale answer. */
function objectiveReason(
  slo: SloResult,
  o: Objective,
  policy: ReleaseGatePolicy,
  note: string,
): PolicyReason {
  const name = o.displayName ? `${slo.title} / ${o.displayName}` : slo.title;
  const base = { sloRef: slo.ref, objective: o.displayName };
  const remaining = o.budget.remaining;
  if (remaining === undefined) {
    return { ...base, blocking: false, message: `${name} has no data${note}` };
  }
  const firing = o.alerts.filter(a => a.firing && a.severity === 'page');
  if (remaining < policy.minRemainingBudget) {
    return {
      ...base,
      blocking: true,
      message: `${name} has ${percent(
        remaining,
      )} of its error budget left, below the policy minimum of ${percent(
        policy.minRemainingBudget,
      )}${note}`,
    };
  }
  if (policy.blockOnPageAlert && firing.length) {
    const a = firing[0];
    return {
      ...base,
      blocking: true,
      message: `${name} is burning its budget fast: the ${
        a.name
      } alert fires (${a.longBurnRate?.toFixed(1)}× over ${
        a.longWindowMs / 60_000
      } min, threshold ${a.factor.toFixed(1)}×)${note}`,
    };
  }
  return {
    ...base,
    blocking: false,
    message: `${name} has ${percent(
      remaining,
    )} of its error budget left${note}`,
  };
}

/** What every objective of one SLO says about releasing. */
function sloReasons(slo: SloResult, policy: ReleaseGatePolicy): PolicyReason[] {
  if (slo.error) {
    return [
      {
        sloRef: slo.ref,
        blocking: false,
        message: `${slo.title} could not be evaluated: ${slo.error}`,
      },
    ];
  }
  const note = slo.stale
    ? ` (from the evaluation of ${slo.evaluatedAt}; the source failed: ${slo.staleReason})`
    : '';
  return slo.objectives.map(o => objectiveReason(slo, o, policy, note));
}

/**
 * The error-budget policy (the entity's own, see resolveReleaseGatePolicy):
 * may the entity release now, and why. No data and
 * failed evaluations do not block (a gate that closes whenever monitoring
 * hiccups gets switched off), but they are listed.
 */
export function decidePolicy(
  entityRef: string,
  results: readonly SloResult[],
  policy: AppliedReleaseGatePolicy,
  now: Date,
): PolicyDecision {
  const reasons = results.flatMap(slo => sloReasons(slo, policy));
  const blocking = reasons.filter(r => r.blocking);
  let summary: string;
  if (!results.length)
    summary = 'Release allowed: no SLO measures this entity.';
  else if (blocking.length)
    summary = `Release blocked: ${blocking.map(r => r.message).join('; ')}.`;
  else
    summary = 'Release allowed: no objective is out of budget or burning fast.';
  return {
    entityRef,
    releaseAllowed: blocking.length === 0,
    summary,
    reasons,
    evaluatedAt: now.toISOString(),
    policy,
  };
}
