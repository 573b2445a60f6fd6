import { parseReleaseGatePolicyAnnotation } from './parseReleaseGatePolicyAnnotation';
import {
  AppliedReleaseGatePolicy,
  ReleaseGatePolicy,
  ReleaseGatePolicySource,
} from './types';

const SETTINGS: readonly (keyof ReleaseGatePolicy)[] = [
  'minRemainingBudget',
  'blockOnPageAlert',
];
const SPECIFICITY: readonly ReleaseGatePolicySource[] = [
  'service',
  'team',
  'default',
];

/**
 * The release-gate policy of one service, setting by setting: its own
 * annotation wins, then the config of its owning team, then `slo.policy.*`.
 * A setting the annotation gets wrong falls through to the next level, and
 * the problem is reported with the policy.
 */
export function resolveReleaseGatePolicy(options: {
  /** The value of the `triad.dev/release-gate-policy` annotation, if any. */
  annotation?: string;
  /** The owning team, as a full entity ref (`group:default/checkout-team`). */
  ownerRef?: string;
  /** Per-team settings by full entity ref (`slo.policy.teams`). */
  teams: ReadonlyMap<string, Partial<ReleaseGatePolicy>>;
  defaults: ReleaseGatePolicy;
}): AppliedReleaseGatePolicy {
  const parsed =
    options.annotation === undefined
      ? { policy: {}, problems: [] }
      : parseReleaseGatePolicyAnnotation(options.annotation);
  const team = options.ownerRef
    ? options.teams.get(options.ownerRef)
    : undefined;
  const levels: Record<ReleaseGatePolicySource, Partial<ReleaseGatePolicy>> = {
    service: parsed.policy,
    team: team ?? {},
    default: options.defaults,
  };

  const sourceOf = (key: keyof ReleaseGatePolicy) =>
    SPECIFICITY.find(level => levels[level][key] !== undefined) ?? 'default';
  const sources = Object.fromEntries(
    SETTINGS.map(key => [key, sourceOf(key)]),
  ) as AppliedReleaseGatePolicy['sources'];
  const used = new Set(Object.values(sources));

  return {
    minRemainingBudget: levels[sources.minRemainingBudget]
      .minRemainingBudget as number,
    blockOnPageAlert: levels[sources.blockOnPageAlert]
      .blockOnPageAlert as boolean,
    source: SPECIFICITY.find(level => used.has(level)) ?? 'default',
    sources,
    ...(used.has('team') && { teamRef: options.ownerRef }),
    problems: parsed.problems,
  };
}
