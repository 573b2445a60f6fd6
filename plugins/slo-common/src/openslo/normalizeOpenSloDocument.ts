import type { OpenSloProblem } from './validateOpenSloDocument';

/**
 * The window of an SLO that gives none: OpenSLO makes `timeWindow` optional
 * without saying what that means, so Triad takes four whole weeks, rolling.
 */
export const DEFAULT_TIME_WINDOW = { duration: '28d', isRolling: true };

type Json = Record<string, any>;

/**
 * Fills in what OpenSLO leaves out of a valid document, with a warning for
 * each default whose meaning the specification leaves open. Returns a copy;
 * fields Triad does not read are kept as they are.
 *
 * - an SLO without `timeWindow`: {@link DEFAULT_TIME_WINDOW};
 * - `alertPolicies:` empty (null) or `[]`: no policies, so the default
 *   burn-rate tiers apply;
 * - a `ratioMetric` without `counter`: `counter: true` (events are counted;
 *   say `counter: false` for gauges);
 * - an objective with `op` or `value` on a ratio SLI: kept, and ignored, as
 *   the specification says they only matter for threshold SLIs;
 * - an `AlertCondition` without `condition.kind`: `burnrate`, the
 *   specification's default (no warning).
 */
export function normalizeOpenSloDocument<D extends Json>(
  doc: D,
): { document: D; warnings: OpenSloProblem[] } {
  const warnings: OpenSloProblem[] = [];
  const document: Json = structuredClone(doc);
  const spec: Json = document.spec;
  switch (document.kind) {
    case 'SLI':
      defaultCounter(spec, 'spec', warnings);
      break;
    case 'AlertCondition':
      defaultConditionKind(spec);
      break;
    case 'AlertPolicy':
      defaultPolicyConditionKinds(spec);
      break;
    case 'SLO':
      normalizeSloSpec(spec, warnings);
      break;
    default:
      break;
  }
  return { document: document as D, warnings };
}

function normalizeSloSpec(spec: Json, warnings: OpenSloProblem[]) {
  if (spec.timeWindow === undefined) {
    spec.timeWindow = [{ ...DEFAULT_TIME_WINDOW }];
    // A composite's parts are measured over their own windows.
    const composite =
      Array.isArray(spec.objectives) &&
      spec.objectives.some(o => o?.sloRef !== undefined);
    if (!composite)
      warnings.push({
        path: 'spec.timeWindow',
        message: `is not given: Triad uses a rolling ${DEFAULT_TIME_WINDOW.duration} window`,
      });
  }
  if (spec.alertPolicies === null || spec.alertPolicies?.length === 0) {
    delete spec.alertPolicies;
    warnings.push({
      path: 'spec.alertPolicies',
      message:
        'is empty: the default burn-rate tiers apply (page at 2 % of the budget in 1 h and 5 % in 6 h, ticket at 10 % in 1 d and 3 d)',
    });
  }
  for (const p of spec.alertPolicies ?? []) {
    if (p && typeof p === 'object' && 'spec' in p) {
      defaultPolicyConditionKinds(p.spec);
    }
  }
  defaultCounter(spec.indicator?.spec, 'spec.indicator.spec', warnings);
  (spec.objectives as Json[]).forEach((o, i) =>
    normalizeObjective(o, `spec.objectives[${i}]`, spec, warnings),
  );
}

function normalizeObjective(
  o: Json,
  at: string,
  spec: Json,
  warnings: OpenSloProblem[],
) {
  defaultCounter(o.indicator?.spec, `${at}.indicator.spec`, warnings);
  const sli = (o.indicator ?? spec.indicator)?.spec;
  // A referenced SLI is only known to the resolver.
  if (sli?.ratioMetric && (o.op !== undefined || o.value !== undefined)) {
    warnings.push({
      path: `${at}.${o.op !== undefined ? 'op' : 'value'}`,
      message:
        'is ignored: op and value compare a thresholdMetric SLI, and this SLI is a ratioMetric',
    });
  }
  const target = o.target ?? o.targetPercent;
  if (target === 0) {
    warnings.push({
      path: `${at}.${o.target !== undefined ? 'target' : 'targetPercent'}`,
      message: 'is 0: every event may fail without breaching the objective',
    });
  }
}

function defaultCounter(
  sli: Json | undefined,
  at: string,
  warnings: OpenSloProblem[],
) {
  const r = sli?.ratioMetric;
  if (!r || r.raw || r.counter !== undefined) return;
  r.counter = true;
  warnings.push({
    path: `${at}.ratioMetric.counter`,
    message:
      'is not given: the metrics are read as counters (counter: true); say counter: false for gauges',
  });
}

function defaultConditionKind(c: Json | undefined) {
  if (c?.condition && c.condition.kind === undefined) {
    c.condition.kind = 'burnrate';
  }
}

function defaultPolicyConditionKinds(p: Json | undefined) {
  for (const c of p?.conditions ?? []) {
    if (c && typeof c === 'object' && 'spec' in c) defaultConditionKind(c.spec);
  }
}
