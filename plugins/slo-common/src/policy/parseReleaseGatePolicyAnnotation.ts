import { ReleaseGatePolicy } from './types';

/**
 * The entity annotation that sets the release-gate policy of one service,
 * e.g. `minRemainingBudget=10%, blockOnPageAlert=false`. Settings it leaves
 * out come from the owning team's config, then from `slo.policy.*`.
 */
export const RELEASE_GATE_POLICY_ANNOTATION = 'triad.dev/release-gate-policy';

/** A share written as `0.1` or `10%`, in [0, 1]; undefined when it is not one. */
function parseShare(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(%?)$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]) / (match[2] ? 100 : 1);
  return value <= 1 ? value : undefined;
}

/**
 * Reads the annotation's `key=value` settings (comma-separated). Every
 * setting it cannot read is a problem that names it; the others still apply.
 */
export function parseReleaseGatePolicyAnnotation(value: string): {
  policy: Partial<ReleaseGatePolicy>;
  problems: string[];
} {
  const policy: Partial<ReleaseGatePolicy> = {};
  const problems: string[] = [];
  const where = `annotation ${RELEASE_GATE_POLICY_ANNOTATION}`;
  const parts = value
    .split(',')
    .map(p => p.trim())
    .filter(Boolean);
  if (!parts.length) {
    problems.push(
      `${where}: is empty; expected e.g. minRemainingBudget=10%, blockOnPageAlert=false`,
    );
  }
  for (const part of parts) {
    const at = part.indexOf('=');
    const key = at < 0 ? part : part.slice(0, at).trim();
    const text = at < 0 ? '' : part.slice(at + 1).trim();
    if (key === 'minRemainingBudget') {
      const share = parseShare(text);
      if (share === undefined) {
        problems.push(
          `${where}: minRemainingBudget: "${text}" is not a share of the budget between 0 and 1 (e.g. 0.1 or 10%)`,
        );
      } else {
        policy.minRemainingBudget = share;
      }
    } else if (key === 'blockOnPageAlert') {
      if (text === 'true' || text === 'false') {
        policy.blockOnPageAlert = text === 'true';
      } else {
        problems.push(
          `${where}: blockOnPageAlert: "${text}" is not true or false`,
        );
      }
    } else {
      problems.push(
        `${where}: "${key}" is not a setting; expected minRemainingBudget or blockOnPageAlert`,
      );
    }
  }
  return { policy, problems };
}
