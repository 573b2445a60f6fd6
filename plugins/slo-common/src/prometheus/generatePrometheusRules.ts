import { compositeParts } from '../composite/compositeParts';
import { SloDocument } from '../openslo/validateOpenSloDocument';
import { checkRuleOptions } from './checkRuleOptions';
import { generateSloRules } from './generateSloRules';
import { LocatedOpenSloDocument } from './readOpenSloFiles';
import {
  GeneratedSloRules,
  PrometheusRuleGeneration,
  PrometheusRuleGroup,
  PrometheusRuleOptions,
  SkippedSlo,
} from './types';

/**
 * Turns OpenSLO SLOs into Prometheus recording rules (the error ratio of each
 * objective over every alert window, plus its objective and error budget) and
 * multi-window, multi-burn-rate alert rules. Burn-rate factors come from the
 * SLO's own period (`k = p × T / w_L`, so 14.4 for 30 d and 13.44 for 28 d in
 * the fastest page tier) or from the burn-rate conditions of its
 * AlertPolicies, resolved by resolveSlo as the SLO backend resolves them
 * (sloAlertTiers gives both the same tiers); each tier's severity (`page`, `ticket`, …) becomes the
 * `severity` label. With `owners`, alerts carry the service's owner and SRE
 * holder; with a minimum-traffic guard, they also need that many events over
 * their long window. Pure: problems are returned, never thrown, and an SLO
 * with a problem produces no rules. A composite SLO is skipped, not a
 * problem: its figures come from its parts' budgets (evaluateComposite), and
 * the parts' own rules already watch them.
 */
export function generatePrometheusRules(
  documents: ReadonlyArray<LocatedOpenSloDocument>,
  options: PrometheusRuleOptions = {},
): PrometheusRuleGeneration {
  const problems = checkRuleOptions(options);
  const groups: PrometheusRuleGroup[] = [];
  const slos: GeneratedSloRules[] = [];
  const skipped: SkippedSlo[] = [];
  if (problems.length) return { groups, slos, problems, skipped };

  const key = (kind: string, namespace: string | undefined, name: string) =>
    `${kind}:${namespace ?? 'default'}/${name}`;
  const byKey = new Map<string, LocatedOpenSloDocument>();
  for (const located of documents) {
    const d = located.document;
    byKey.set(key(d.kind, d.metadata.namespace, d.metadata.name), located);
  }
  const sloDocs = documents.filter(
    (l): l is LocatedOpenSloDocument & { document: SloDocument } =>
      l.document.kind === 'SLO',
  );
  for (const wanted of options.slos ?? []) {
    if (!sloDocs.some(l => l.document.metadata.name === wanted)) {
      problems.push({
        path: 'slos',
        message: `no SLO named "${wanted}" in the given files (found: ${
          sloDocs.map(l => l.document.metadata.name).join(', ') || 'none'
        })`,
      });
    }
  }

  for (const located of sloDocs) {
    const { name, namespace } = located.document.metadata;
    if (options.slos && !options.slos.includes(name)) continue;
    const parts = compositeParts(located.document.spec);
    if (parts.length) {
      skipped.push(
        skippedComposite(
          located,
          parts.map(p => p.sloRef),
        ),
      );
      continue;
    }
    const result = generateSloRules(
      located,
      (kind, other) => byKey.get(key(kind, namespace, other)),
      options,
    );
    if ('problems' in result) {
      problems.push(...result.problems);
    } else {
      groups.push(result.group);
      slos.push(result.generated);
    }
  }
  return { groups, slos, problems, skipped };
}

function skippedComposite(
  located: LocatedOpenSloDocument & { document: SloDocument },
  parts: string[],
): SkippedSlo {
  const { name, namespace } = located.document.metadata;
  return {
    ...(located.file === undefined ? {} : { file: located.file }),
    name,
    ...(namespace ? { namespace } : {}),
    reason: `composite SLO of ${parts.join(
      ', ',
    )}: it has no SLI of its own, so no PromQL to record or alert on (the rules of its parts cover it)`,
  };
}
