import { formatDuration } from '../math/duration';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { objectiveTarget, sloServiceRef, timeSliceMs } from '../openslo/model';
import { ResolutionProblem } from '../openslo/resolvedSlo';
import { resolveSlo } from '../openslo/resolveSlo';
import { sloAlertTiers } from '../openslo/sloAlertTiers';
import { SloDocument } from '../openslo/validateOpenSloDocument';
import { LocatedOpenSloDocument, OpenSloFileProblem } from './readOpenSloFiles';
import { SliQueryError } from './promql';
import { sliErrorRatioQuery } from './sliErrorRatioQuery';
import { sliEventCountQuery } from './sliEventCountQuery';
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
  /**
   * Who answers for each service (by full entity ref, e.g.
   * `component:default/checkout-service`): its owner and its SRE role holder
   * become labels of its alerts, for Alertmanager to route by.
   */
  owners?: ReadonlyMap<string, ServiceOwners>;
  /** Names of the owner labels; default `owner` and `sre_owner`. */
  ownerLabels?: { owner?: string; sre?: string };
  /**
   * The minimum-traffic guard: an alert fires only when the SLI counted at
   * least this many events per hour, on average over the alert's long window.
   * An SLO's `triad.dev/min-events-per-hour` annotation overrides it (0: off).
   */
  minEventsPerHour?: number;
}

/** Who answers for a service, as entity refs. */
export interface ServiceOwners {
  /** `spec.owner`, e.g. `group:default/checkout-team`. */
  owner?: string;
  /** The holder of the SRE role, e.g. `group:default/sre-core`. */
  sre?: string;
}

/** The SLO annotation that sets its own minimum-traffic guard. */
export const MIN_EVENTS_PER_HOUR_ANNOTATION = 'triad.dev/min-events-per-hour';

/** Default names of the owner labels of alerts. */
export const DEFAULT_OWNER_LABELS = { owner: 'owner', sre: 'sre_owner' };

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
  /** The service the SLO measures, as a full entity ref. */
  serviceRef: string;
  /** Its owners, as labelled on its alerts (when owners were given). */
  owners?: ServiceOwners;
  /** The minimum-traffic guard applied (events per hour), when one is. */
  minEventsPerHour?: number;
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
const HOUR = 3_600_000;

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
  const ownerLabels = { ...DEFAULT_OWNER_LABELS, ...options.ownerLabels };
  if (options.owners) {
    for (const [key, name] of Object.entries(ownerLabels)) {
      const at = `ownerLabels.${key}`;
      if (!LABEL_NAME.test(name) || name.startsWith('__')) {
        problems.push({
          path: at,
          message: `"${name}" is not a Prometheus label name (letters, digits and _, not starting with a digit or __)`,
        });
      } else if (
        RESERVED_RULE_LABELS.includes(name) ||
        name in (options.labels ?? {})
      ) {
        problems.push({
          path: at,
          message: `"${name}" is already a label of the rules; choose another name`,
        });
      }
    }
    if (ownerLabels.owner === ownerLabels.sre) {
      problems.push({
        path: 'ownerLabels.sre',
        message: `"${ownerLabels.sre}" is also the owner label; choose another name`,
      });
    }
  }
  const min = options.minEventsPerHour;
  if (min !== undefined && !(Number.isFinite(min) && min >= 0)) {
    problems.push({
      path: 'minEventsPerHour',
      message: `must be a number of events of 0 or more, not ${min}`,
    });
  }
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
 * `severity` label. With `owners`, alerts carry the service's owner and SRE
 * holder; with a minimum-traffic guard, they also need that many events over
 * their long window. Pure: problems are returned, never thrown, and an SLO
 * with a problem produces no rules.
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
    const longWindows = [...new Set(tiers.map(t => t.longWindowMs))].sort(
      (a, b) => a - b,
    );

    const identity: Record<string, string> = { slo: slo.metadata.name };
    if (namespace) identity.slo_namespace = namespace;
    const extra = { ...options.labels };
    const title = slo.metadata.displayName ?? slo.metadata.name;
    const rules: PrometheusRule[] = [];
    const serviceRef = stringifyEntityRef(sloServiceRef(slo));
    const owners = options.owners && {
      ...options.owners.get(serviceRef),
    };
    // Only alerts carry the owners: on recording rules a change of owner
    // would start new series and break every window over the change.
    const ownerLabels = { ...DEFAULT_OWNER_LABELS, ...options.ownerLabels };
    const ownership: Record<string, string> = {
      ...(owners?.owner && { [ownerLabels.owner]: owners.owner }),
      ...(owners?.sre && { [ownerLabels.sre]: owners.sre }),
    };
    const guard = minEventsGuard(slo, options.minEventsPerHour);
    if (typeof guard === 'object') {
      problems.push(at(guard.path, guard.message));
      continue;
    }
    const generated: GeneratedSloRules = {
      name: slo.metadata.name,
      ...(namespace && { namespace }),
      periodMs,
      serviceRef,
      ...(owners && { owners }),
      ...(guard && { minEventsPerHour: guard }),
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
        if (guard) {
          for (const w of longWindows) {
            rules.push({
              record: `slo:sli_events:increase${formatDuration(w)}`,
              expr: sliEventCountQuery(sli.spec, w),
              labels: { ...labels },
            });
          }
        }
      } catch (e) {
        if (!(e instanceof SliQueryError)) throw e;
        if (e.problem === 'no-events') {
          problems.push(
            at(
              guardPath(slo),
              `the SLI ${e.message}; set metadata.annotations["${MIN_EVENTS_PER_HOUR_ANNOTATION}"]: "0" to leave this SLO without it`,
            ),
          );
        } else if (e.field.startsWith('objective.')) {
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
        // At least `guard` events an hour on average over the long window.
        const minEvents = guard && tidy((guard * tier.longWindowMs) / HOUR);
        rules.push({
          alert: `${pascalCase(slo.metadata.name)}ErrorBudgetBurn`,
          expr: [
            `slo:sli_error:ratio_rate${long}${match} ${compare} (${factor} * ${errorBudget})`,
            'and',
            `slo:sli_error:ratio_rate${short}${match} ${compare} (${factor} * ${errorBudget})`,
            ...(minEvents
              ? [
                  'and',
                  `slo:sli_events:increase${long}${match} >= ${minEvents}`,
                ]
              : []),
          ].join('\n'),
          ...(tier.for && { for: tier.for }),
          labels: {
            ...labels,
            ...ownership,
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
              )}.${
                minEvents
                  ? ` It fires only with at least ${minEvents} events in ${long} (${guard} an hour).`
                  : ''
              }`,
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

/** Where an SLO's guard is set: its annotation, or the option. */
function guardPath(slo: SloDocument): string {
  const annotations = slo.metadata.annotations as
    | Record<string, unknown>
    | undefined;
  return annotations?.[MIN_EVENTS_PER_HOUR_ANNOTATION] === undefined
    ? 'minEventsPerHour'
    : `metadata.annotations["${MIN_EVENTS_PER_HOUR_ANNOTATION}"]`;
}

/**
 * The minimum events per hour an SLO's alerts need (0: no guard): its
 * annotation, else the option; a problem when the annotation is no number.
 */
function minEventsGuard(
  slo: SloDocument,
  fallback: number | undefined,
): number | { path: string; message: string } {
  const annotations = slo.metadata.annotations as
    | Record<string, unknown>
    | undefined;
  const value = annotations?.[MIN_EVENTS_PER_HOUR_ANNOTATION];
  if (value === undefined) return fallback ?? 0;
  // Annotations are strings ("100"); a plain YAML number is taken as well.
  let events = typeof value === 'number' ? value : NaN;
  if (typeof value === 'string' && value.trim()) events = Number(value);
  if (!(Number.isFinite(events) && events >= 0)) {
    return {
      path: guardPath(slo),
      message: `${JSON.stringify(
        value,
      )} is not a number of events of 0 or more, e.g. "100"`,
    };
  }
  return events;
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
