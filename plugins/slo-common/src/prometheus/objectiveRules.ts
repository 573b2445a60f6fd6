import { formatDuration } from '../math/duration';
import { objectiveTarget, timeSliceMs } from '../openslo/model';
import { ResolvedSli } from '../openslo/resolvedSlo';
import { SloObjective } from '../openslo/schema';
import { BurnRateAlertContext, burnRateAlertRule } from './burnRateAlertRule';
import { locateResolutionProblem } from './locateResolutionProblem';
import { guardPath, MIN_EVENTS_PER_HOUR_ANNOTATION } from './minEventsGuard';
import { SliQueryError } from './promql';
import { OpenSloFileProblem } from './readOpenSloFiles';
import { selector, tidy } from './ruleText';
import { sliErrorRatioQuery } from './sliErrorRatioQuery';
import { sliEventCountQuery } from './sliEventCountQuery';
import { SloScope } from './sloRulesScope';
import { GeneratedSloRules, PrometheusRule } from './types';

/** The recording and alert rules of objective `i`. */
export function objectiveRules(
  scope: SloScope,
  i: number,
  sli: ResolvedSli,
):
  | { rules: PrometheusRule[]; objective: GeneratedSloRules['objectives'][0] }
  | { problem: OpenSloFileProblem } {
  const { slo, options } = scope;
  const objective = slo.spec.objectives[i];
  const labels = {
    ...scope.identity,
    slo_service: slo.spec.service,
    slo_objective: String(i),
    ...options.labels,
  };
  const target = objectiveTarget(objective);
  const errorBudget = tidy(1 - target);
  let rules: PrometheusRule[];
  try {
    rules = sliRecordingRules(scope, objective, sli, labels);
  } catch (e) {
    if (!(e instanceof SliQueryError)) throw e;
    return { problem: sliQueryProblem(scope, i, sli, e) };
  }
  rules.push(
    {
      record: 'slo:objective:ratio',
      expr: `vector(${target})`,
      labels: { ...labels },
    },
    {
      record: 'slo:error_budget:ratio',
      expr: `vector(${errorBudget})`,
      labels: { ...labels },
    },
  );
  const context = alertContext(scope, i, { target, errorBudget, labels });
  const alerts = scope.tiers.map(tier => burnRateAlertRule(tier, context));
  rules.push(...alerts.map(a => a.rule));
  return {
    rules,
    objective: {
      index: i,
      ...(objective.displayName && { displayName: objective.displayName }),
      target,
      errorBudget,
      alerts: alerts.map(a => a.alert),
    },
  };
}

/**
 * The SLI's error ratio over every window and, with a guard, its events over
 * every long window; throws {@link SliQueryError} for an SLI PromQL cannot say.
 */
function sliRecordingRules(
  scope: SloScope,
  objective: SloObjective,
  sli: ResolvedSli,
  labels: Record<string, string>,
): PrometheusRule[] {
  const rules: PrometheusRule[] = [];
  for (const w of scope.windows) {
    rules.push({
      record: `slo:sli_error:ratio_rate${formatDuration(w)}`,
      expr: sliErrorRatioQuery({
        indicator: sli.spec,
        objective,
        budgetingMethod: scope.slo.spec.budgetingMethod,
        windowMs: w,
        timeSliceMs: timeSliceMs(objective),
      }),
      labels: { ...labels },
    });
  }
  if (scope.minEventsPerHour) {
    for (const w of scope.longWindows) {
      rules.push({
        record: `slo:sli_events:increase${formatDuration(w)}`,
        expr: sliEventCountQuery(sli.spec, w),
        labels: { ...labels },
      });
    }
  }
  return rules;
}

/** What the alerts of objective `i` share. */
function alertContext(
  scope: SloScope,
  i: number,
  {
    target,
    errorBudget,
    labels,
  }: Pick<BurnRateAlertContext, 'target' | 'errorBudget' | 'labels'>,
): BurnRateAlertContext {
  const { slo } = scope;
  const objective = slo.spec.objectives[i];
  const title = slo.metadata.displayName ?? slo.metadata.name;
  return {
    sloName: slo.metadata.name,
    objectiveName: objective.displayName
      ? `${title} / ${objective.displayName}`
      : title,
    target,
    errorBudget,
    periodMs: scope.periodMs,
    match: selector({ ...scope.identity, slo_objective: String(i) }),
    labels: { ...labels, ...scope.ownership },
    minEventsPerHour: scope.minEventsPerHour,
    runbookUrl: scope.options.runbookUrl,
  };
}

/** Where the author fixes an SLI that cannot become a query. */
function sliQueryProblem(
  scope: SloScope,
  i: number,
  sli: ResolvedSli,
  e: SliQueryError,
): OpenSloFileProblem {
  const { slo, at } = scope;
  if (e.problem === 'no-events') {
    return at(
      guardPath(slo),
      `the SLI ${e.message}; set metadata.annotations["${MIN_EVENTS_PER_HOUR_ANNOTATION}"]: "0" to leave this SLO without it`,
    );
  }
  if (e.field.startsWith('objective.')) {
    const field = e.field.slice('objective.'.length);
    return at(`spec.objectives[${i}].${field}`, e.message);
  }
  return locateResolutionProblem(
    sli.document
      ? {
          path: sli.path,
          message: e.message,
          inDocument: { kind: 'SLI', name: sli.name, path: `spec.${e.field}` },
        }
      : { path: `${sli.path}.spec.${e.field}`, message: e.message },
    scope,
  );
}
