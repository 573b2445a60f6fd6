/** Overall state of one objective. */
export type SloStatus = 'healthy' | 'warning' | 'breached' | 'no-data';

/** Where the status changes, as remaining-budget shares. */
export interface StatusThresholds {
  /** Below this remaining share the objective is `warning` (default 0.25). */
  warningBelow: number;
  /** Below this remaining share the objective is `breached` (default 0: overspent). */
  breachedBelow: number;
}

export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = {
  warningBelow: 0.25,
  breachedBelow: 0,
};

/**
 * Status from the remaining budget. A firing page-tier alert makes a healthy
 * objective a warning: the budget is still there, but going fast.
 */
export function sloStatus(
  remaining: number | undefined,
  options: { pageFiring?: boolean; thresholds?: StatusThresholds } = {},
): SloStatus {
  const t = options.thresholds ?? DEFAULT_STATUS_THRESHOLDS;
  if (remaining === undefined) return 'no-data';
  if (remaining < t.breachedBelow) return 'breached';
  if (remaining < t.warningBelow || options.pageFiring) return 'warning';
  return 'healthy';
}
