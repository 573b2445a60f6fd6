/** When the release gate closes. */
export interface ReleaseGatePolicy {
  /** Block when an objective has less than this share (0–1) of its budget left. */
  minRemainingBudget: number;
  /** Block while a page-severity burn-rate tier fires. */
  blockOnPageAlert: boolean;
}

/**
 * Where a setting of the policy came from: the service's own annotation, the
 * config of the team that owns it (`slo.policy.teams`), or `slo.policy.*`.
 */
export type ReleaseGatePolicySource = 'service' | 'team' | 'default';

/** The policy a release decision was made with, and where each part came from. */
export interface AppliedReleaseGatePolicy extends ReleaseGatePolicy {
  /** The most specific level that set anything. */
  source: ReleaseGatePolicySource;
  /** Where each setting came from. */
  sources: Record<keyof ReleaseGatePolicy, ReleaseGatePolicySource>;
  /** The owning team whose config was used, when one was. */
  teamRef?: string;
  /** Why (part of) the service's annotation was ignored. */
  problems: string[];
}
