import { stringifyEntityRef } from '@backstage/catalog-model';
import { AlertTier } from '../math/alertTiers';
import { formatDuration } from '../math/duration';
import { objectiveTarget, sloServiceRef, timeSliceMs } from '../openslo/model';
import { ResolutionProblem, ResolvedSli } from '../openslo/resolvedSlo';
import { resolveSlo } from '../openslo/resolveSlo';
import { sloAlertTiers } from '../openslo/sloAlertTiers';
import { SloDocument } from '../openslo/validateOpenSloDocument';
import { burnRateAlertRule } from './burnRateAlertRule';
import {
  guardPath,
  MIN_EVENTS_PER_HOUR_ANNOTATION,
  minEventsGuard,
} from './minEventsGuard';
import { SliQueryError } from './promql';
import { LocatedOpenSloDocument, OpenSloFileProblem } from './readOpenSloFiles';
import { selector, tidy } from './ruleText';
import { sliErrorRatioQuery } from './sliErrorRatioQuery';
import { sliEventCountQuery } from './sliEventCountQuery';
import { sloPeriodMs } from './sloPeriodMs';
import {
  DEFAULT_OWNER_LABELS,
  GeneratedSloRules,
  PrometheusRule,
  PrometheusRuleGroup,
  PrometheusRuleOptions,
} from './types';

/** Finds a document of the SLO's namespace by kind and name. */
export type NamespaceLookup = (
  kind: string,
  name: string,
) => LocatedOpenSloDocument | undefined;

/** The rules of one SLO, or why it has none. */
export type SloRulesResult =
  | { group: PrometheusRuleGroup; generated: GeneratedSloRules }
  | { problems: OpenSloFileProblem[] };

/** What every objective of one SLO shares. */
interface SloScope {
  slo: SloDocument;
  at: (path: string, message: string) => OpenSloFileProblem;
  find: NamespaceLookup;
  options: PrometheusRuleOptions;
  periodMs: number;
  tiers: AlertTier[];
  /** Every window of a tier, ascending, and the long ones. */
  windows: number[];
  longWindows: number[];
  identity: Record<string, string>;
  /** The owner labels of its alerts. */
  ownership: Record<string, string>;
  minEventsPerHour: number;
}

/** The rule group of one SLO (see generatePrometheusRules). */
export function generateSloRules(
  located: LocatedOpenSloDocument & { document: SloDocument },
  find: NamespaceLookup,
  options: PrometheusRuleOptions,
): SloRulesResult {
  const slo = located.document;
  const at = (path: string, message: string): OpenSloFileProblem => ({
    file: located.file,
    index: located.index,
    line: located.line,
    kind: 'SLO',
    name: slo.metadata.name,
    path,
    message,
  });
  const resolved = resolveSlo(slo, (kind, name) => find(kind, name)?.document, {
    // Data sources are app-config entries as often as documents; the rules
    // only need the queries.
    requireDataSources: false,
    notFound: ({ kind, name }) =>
      `${kind} "${name}" is not in the given files; pass the file that defines it`,
  });
  if (resolved.problems.length) {
    return {
      problems: resolved.problems.map(p => locate(p, slo, at, find)),
    };
  }
  const guard = minEventsGuard(slo, options.minEventsPerHour);
  if (typeof guard === 'object') {
    return { problems: [at(guard.path, guard.message)] };
  }

  const namespace = slo.metadata.namespace;
  const periodMs = sloPeriodMs(slo.spec.timeWindow[0]);
  const tiers = sloAlertTiers(resolved.alertConditions, periodMs);
  const ascending = (values: number[]) =>
    [...new Set(values)].sort((a, b) => a - b);
  const serviceRef = stringifyEntityRef(sloServiceRef(slo));
  const owners = options.owners && { ...options.owners.get(serviceRef) };
  // Only alerts carry the owners: on recording rules a change of owner
  // would start new series and break every window over the change.
  const ownerLabels = { ...DEFAULT_OWNER_LABELS, ...options.ownerLabels };
  const scope: SloScope = {
    slo,
    at,
    find,
    options,
    periodMs,
    tiers,
    windows: ascending(tiers.flatMap(t => [t.longWindowMs, t.shortWindowMs])),
    longWindows: ascending(tiers.map(t => t.longWindowMs)),
    identity: {
      slo: slo.metadata.name,
      ...(namespace && { slo_namespace: namespace }),
    },
    ownership: {
      ...(owners?.owner && { [ownerLabels.owner]: owners.owner }),
      ...(owners?.sre && { [ownerLabels.sre]: owners.sre }),
    },
    minEventsPerHour: guard,
  };

  const rules: PrometheusRule[] = [];
  const generated: GeneratedSloRules = {
    name: slo.metadata.name,
    ...(namespace && { namespace }),
    periodMs,
    serviceRef,
    ...(owners && { owners }),
    ...(guard && { minEventsPerHour: guard }),
    objectives: [],
  };
  const problems: OpenSloFileProblem[] = [];
  slo.spec.objectives.forEach((_, i) => {
    // Resolved without problems: every objective has its SLI.
    const result = objectiveRules(scope, i, resolved.objectives[i].sli!);
    if ('problem' in result) {
      problems.push(result.problem);
      return;
    }
    rules.push(...result.rules);
    generated.objectives.push(result.objective);
  });
  if (problems.length) return { problems };
  return {
    group: {
      name: `slo-${namespace ? `${namespace}-` : ''}${slo.metadata.name}`,
      rules,
    },
    generated,
  };
}

/** The recording and alert rules of objective `i`. */
function objectiveRules(
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
  const rules: PrometheusRule[] = [];
  try {
    for (const w of scope.windows) {
      rules.push({
        record: `slo:sli_error:ratio_rate${formatDuration(w)}`,
        expr: sliErrorRatioQuery({
          indicator: sli.spec,
          objective,
          budgetingMethod: slo.spec.budgetingMethod,
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
  const title = slo.metadata.displayName ?? slo.metadata.name;
  const context = {
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
    runbookUrl: options.runbookUrl,
  };
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

/** Where the author fixes an SLI that cannot become a query. */
function sliQueryProblem(
  scope: SloScope,
  i: number,
  sli: ResolvedSli,
  e: SliQueryError,
): OpenSloFileProblem {
  const { slo, at, find } = scope;
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
  return locate(
    sli.document
      ? {
          path: sli.path,
          message: e.message,
          inDocument: { kind: 'SLI', name: sli.name, path: `spec.${e.field}` },
        }
      : { path: `${sli.path}.spec.${e.field}`, message: e.message },
    slo,
    at,
    find,
  );
}

/**
 * A problem of the resolver as a file problem: at the referenced document
 * when the field at fault is in one (the author has to change that file), at
 * the SLO otherwise.
 */
function locate(
  problem: ResolutionProblem,
  slo: SloDocument,
  at: (path: string, message: string) => OpenSloFileProblem,
  find: NamespaceLookup,
): OpenSloFileProblem {
  const inside = problem.inDocument;
  const located = inside && find(inside.kind, inside.name);
  if (!inside || !located) return at(problem.path, problem.message);
  return {
    file: located.file,
    index: located.index,
    line: located.line,
    kind: inside.kind,
    name: located.document.metadata.name,
    path: inside.path,
    message: `${problem.message} (used by SLO "${slo.metadata.name}")`,
  };
}
