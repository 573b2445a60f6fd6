import { resolveSlo } from '../openslo/resolveSlo';
import { SloDocument } from '../openslo/validateOpenSloDocument';
import { locateResolutionProblem } from './locateResolutionProblem';
import { minEventsGuard } from './minEventsGuard';
import { objectiveRules } from './objectiveRules';
import { LocatedOpenSloDocument, OpenSloFileProblem } from './readOpenSloFiles';
import {
  NamespaceLookup,
  SloProblemAt,
  SloScope,
  sloRulesScope,
} from './sloRulesScope';
import {
  GeneratedSloRules,
  PrometheusRule,
  PrometheusRuleGroup,
  PrometheusRuleOptions,
} from './types';

/** The rules of one SLO, or why it has none. */
export type SloRulesResult =
  | { group: PrometheusRuleGroup; generated: GeneratedSloRules }
  | { problems: OpenSloFileProblem[] };

/** The rule group of one SLO (see generatePrometheusRules). */
export function generateSloRules(
  located: LocatedOpenSloDocument & { document: SloDocument },
  find: NamespaceLookup,
  options: PrometheusRuleOptions,
): SloRulesResult {
  const slo = located.document;
  const at: SloProblemAt = (path, message) => ({
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
      problems: resolved.problems.map(p =>
        locateResolutionProblem(p, { slo, at, find }),
      ),
    };
  }
  const guard = minEventsGuard(slo, options.minEventsPerHour);
  if (typeof guard === 'object') {
    return { problems: [at(guard.path, guard.message)] };
  }
  const scope = sloRulesScope(
    { slo, at, find, options, minEventsPerHour: guard },
    resolved.alertConditions,
  );

  const rules: PrometheusRule[] = [];
  const generated = generatedSloRules(scope);
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
  const namespace = slo.metadata.namespace;
  return {
    group: {
      name: `slo-${namespace ? `${namespace}-` : ''}${slo.metadata.name}`,
      rules,
    },
    generated,
  };
}

/** What the SLO's rules were generated with; its objectives are added one by one. */
function generatedSloRules(scope: SloScope): GeneratedSloRules {
  const { slo, owners, minEventsPerHour } = scope;
  const namespace = slo.metadata.namespace;
  return {
    name: slo.metadata.name,
    ...(namespace && { namespace }),
    periodMs: scope.periodMs,
    serviceRef: scope.serviceRef,
    ...(owners && { owners }),
    ...(minEventsPerHour && { minEventsPerHour }),
    objectives: [],
  };
}
