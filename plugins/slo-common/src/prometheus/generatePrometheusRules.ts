import { formatDuration } from '../math/duration';
import { objectiveTarget, timeSliceMs } from '../openslo/model';
import { ResolutionProblem } from '../openslo/resolvedSlo';
import { resolveSlo } from '../openslo/resolveSlo';
import { sloAlertTiers } from '../openslo/sloAlertTiers';
import { SloDocument } from '../openslo/validateOpenSloDocument';
import { LocatedOpenSloDocument, OpenSloFileProblem } from './readOpenSloFiles';
import { SliQueryError } from './promql';
import { sliErrorRatioQuery } from './sliErrorRatioQuery';
import { sloPeriodMs } from './sloPeriodMs';

/** One rule of a Prometheus rule group. */
export interface PrometheusRule {
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A Prometheus rule group. */
export interface PrometheusRuleGroup {
  name: string;
  rules: PrometheusRule[];
}

/** Options of {@link generatePrometheusRules}. */
export interface PrometheusRuleOptions {
  /** Only the SLOs with these names; every SLO when absent. */
  slos?: readonly string[];
  /** Labels added to every rule, e.g. `team: checkout`. */
  labels?: Readonly<Record<string, string>>;
  /** Added to every alert as the `runbook_url` annotation. */
  runbookUrl?: string;
}

/** One burn-rate alert as generated, for outputs and reports. */
export interface GeneratedAlertTier {
  name: string;
  severity: string;
  /** Burn-rate factor k. */
  factor: number;
  /** The error ratio the alert fires above: k × (1 − target). */
  threshold: number;
  longWindow: string;
  shortWindow: string;
  for?: string;
  /** Names of the notification targets its alerts carry. */
  notificationTargets?: string[];
}

/** What was generated for one SLO. */
export interface GeneratedSloRules {
  name: string;
  namespace?: string;
  /** The period the factors were computed for. */
  periodMs: number;
  objectives: Array<{
    index: number;
    displayName?: string;
    target: number;
    errorBudget: number;
    alerts: GeneratedAlertTier[];
  }>;
}

/** The outcome of {@link generatePrometheusRules}. */
export interface PrometheusRuleGeneration {
  groups: PrometheusRuleGroup[];
  slos: GeneratedSloRules[];
  problems: OpenSloFileProblem[];
}

/** Labels the generator sets itself; `labels` may not override them. */
export const RESERVED_RULE_LABELS = [
  'slo',
  'slo_namespace',
  'slo_service',
  'slo_objective',
  'slo_tier',
  'severity',
  'notification_targets',
];

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

// 10 significant digits: 0.02 × 28 d / 1 h is 13.44, not 13.440000000000001.
const tidy = (n: number) => Number(n.toPrecision(10));

const pascalCase = (name: string) =>
  name
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map(w => w[0].toUpperCase() + w.slice(1))
    .join('');

const percent = (ratio: number) => `${tidy(ratio * 100)} %`;

function selector(labels: Record<string, string>): string {
  return `{${Object.entries(labels)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(',')}}`;
}

function checkOptions(options: PrometheusRuleOptions): OpenSloFileProblem[] {
  const problems: OpenSloFileProblem[] = [];
  for (const [name, value] of Object.entries(options.labels ?? {})) {
    if (!LABEL_NAME.test(name) || name.startsWith('__')) {
      problems.push({
        path: `labels.${name}`,
        message:
          'is not a Prometheus label name (letters, digits and _, not starting with a digit or __)',
      });
    } else if (RESERVED_RULE_LABELS.includes(name)) {
      problems.push({
        path: `labels.${name}`,
        message: `is set by the generator (${RESERVED_RULE_LABELS.join(', ')})`,
      });
    } else if (typeof value !== 'string') {
      problems.push({ path: `labels.${name}`, message: 'must be a string' });
    }
  }
  return problems;
}

/**
 * Turns OpenSLO SLOs into Prometheus recording rules (the error ratio of each
 * objective over every alert window, plus its objective and error budget) and
 * multi-window, multi-burn-rate alert rules. Burn-rate factors come from the
 * SLO's own period (`k = p × T / w_L`, so 14.4 for 30 d and 13.44 for 28 d in
 * the fastest page tier) or from the burn-rate conditions of its
 * AlertPolicies, resolved by resolveSlo as the SLO backend resolves them
 * (sloAlertTiers gives both the same tiers); each tier's severity (`page`, `ticket`, …) becomes the
 * `severity` label. Pure: problems are returned, never thrown, and an SLO with
 * a problem produces no rules.
 */
export function generatePrometheusRules(
  documents: ReadonlyArray<LocatedOpenSloDocument>,
  options: PrometheusRuleOptions = {},
): PrometheusRuleGeneration {
  const problems = checkOptions(options);
  const groups: PrometheusRuleGroup[] = [];
  const slos: GeneratedSloRules[] = [];
  if (problems.length) return { groups, slos, problems };

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
    const slo = located.document;
    if (options.slos && !options.slos.includes(slo.metadata.name)) continue;
    const at = (path: string, message: string): OpenSloFileProblem => ({
      file: located.file,
      index: located.index,
      line: located.line,
      kind: 'SLO',
      name: slo.metadata.name,
      path,
      message,
    });
    const namespace = slo.metadata.namespace;
    const find = (kind: string, name: string) =>
      byKey.get(key(kind, namespace, name));
    const resolved = resolveSlo(
      slo,
      (kind, name) => find(kind, name)?.document,
      {
        // Data sources are app-config entries as often as documents; the rules
        // only need the queries.
        requireDataSources: false,
        notFound: ({ kind, name }) =>
          `${kind} "${name}" is not in the given files; pass the file that defines it`,
      },
    );
    if (resolved.problems.length) {
      problems.push(...resolved.problems.map(p => locate(p, slo, at, find)));
      continue;
    }

    const periodMs = sloPeriodMs(slo.spec.timeWindow[0]);
    const tiers = sloAlertTiers(resolved.alertConditions, periodMs);
    const windows = [
      ...new Set(tiers.flatMap(t => [t.longWindowMs, t.shortWindowMs])),
    ].sort((a, b) => a - b);

    const identity: Record<string, string> = { slo: slo.metadata.name };
    if (namespace) identity.slo_namespace = namespace;
    const extra = { ...options.labels };
    const title = slo.metadata.displayName ?? slo.metadata.name;
    const rules: PrometheusRule[] = [];
    const generated: GeneratedSloRules = {
      name: slo.metadata.name,
      ...(namespace && { namespace }),
      periodMs,
      objectives: [],
    };
    const before = problems.length;

    slo.spec.objectives.forEach((objective, i) => {
      // Resolved without problems: every objective has its SLI.
      const sli = resolved.objectives[i].sli!;
      const labels = {
        ...identity,
        slo_service: slo.spec.service,
        slo_objective: String(i),
        ...extra,
      };
      const match = selector({ ...identity, slo_objective: String(i) });
      const target = objectiveTarget(objective);
      const errorBudget = tidy(1 - target);
      try {
        for (const w of windows) {
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
      } catch (e) {
        if (!(e instanceof SliQueryError)) throw e;
        if (e.field.startsWith('objective.')) {
          const field = e.field.slice('objective.'.length);
          problems.push(at(`spec.objectives[${i}].${field}`, e.message));
        } else {
          problems.push(
            locate(
              sli.document
                ? {
                    path: sli.path,
                    message: e.message,
                    inDocument: {
                      kind: 'SLI',
                      name: sli.name,
                      path: `spec.${e.field}`,
                    },
                  }
                : { path: `${sli.path}.spec.${e.field}`, message: e.message },
              slo,
              at,
              find,
            ),
          );
        }
        return;
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

      const objectiveName = objective.displayName
        ? `${title} / ${objective.displayName}`
        : title;
      const alerts: GeneratedAlertTier[] = [];
      for (const tier of tiers) {
        const factor = tidy(tier.factor);
        const threshold = tidy(factor * errorBudget);
        const long = formatDuration(tier.longWindowMs);
        const short = formatDuration(tier.shortWindowMs);
        const spent = (factor * tier.longWindowMs) / periodMs;
        const compare = tier.op === 'gte' ? '>=' : '>';
        const targets = tier.notificationTargets ?? [];
        alerts.push({
          name: tier.name,
          severity: tier.severity,
          factor,
          threshold,
          longWindow: long,
          shortWindow: short,
          ...(tier.for && { for: tier.for }),
          ...(targets.length && {
            notificationTargets: targets.map(t => t.name),
          }),
        });
        rules.push({
          alert: `${pascalCase(slo.metadata.name)}ErrorBudgetBurn`,
          expr: [
            `slo:sli_error:ratio_rate${long}${match} ${compare} (${factor} * ${errorBudget})`,
            'and',
            `slo:sli_error:ratio_rate${short}${match} ${compare} (${factor} * ${errorBudget})`,
          ].join('\n'),
          ...(tier.for && { for: tier.for }),
          labels: {
            ...labels,
            severity: tier.severity,
            slo_tier: tier.name,
            // The policies' notification targets, for Alertmanager routes:
            // notification_targets=~"(.*,)?storefront-oncall(,.*)?".
            ...(targets.length && {
              notification_targets: targets.map(t => t.name).join(','),
            }),
          },
          annotations: {
            summary: `${objectiveName}: error budget burning ${factor}× too fast`,
            description:
              `${objectiveName} (objective ${percent(
                target,
              )} over ${formatDuration(
                periodMs,
              )}) has had an error ratio above ` +
              `${factor} × ${errorBudget} = ${threshold} over the last ${long} and ${short}. ` +
              `At this rate ${percent(
                spent,
              )} of the error budget is spent in ${long} ` +
              `and all of it in ${formatDuration(
                Math.round(periodMs / factor / 60_000) * 60_000,
              )}.`,
            ...(options.runbookUrl && { runbook_url: options.runbookUrl }),
            ...(targets.length && {
              notification_targets: targets
                .map(t => `${t.name} (${t.target})`)
                .join(', '),
            }),
          },
        });
      }
      generated.objectives.push({
        index: i,
        ...(objective.displayName && { displayName: objective.displayName }),
        target,
        errorBudget,
        alerts,
      });
    });

    if (problems.length === before) {
      groups.push({
        name: `slo-${namespace ? `${namespace}-` : ''}${slo.metadata.name}`,
        rules,
      });
      slos.push(generated);
    }
  }
  return { groups, slos, problems };
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
  find: (kind: string, name: string) => LocatedOpenSloDocument | undefined,
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
