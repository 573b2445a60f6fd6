import { BurnRateCondition, NotificationTarget } from '../math/alertTiers';
import { durationToMs, isCalendarUnit, parseDuration } from '../math/duration';
import { objectiveSliProblems } from './objectiveSliProblems';
import { OpenSloReferenceKind } from './openSloReferences';
import {
  alertConditionFields,
  alertPolicyFields,
  notificationTargetFields,
  objectiveIndicator,
  sliMetricSources,
} from './referenceFields';
import {
  AlertConditionSpec,
  AlertPolicySpec,
  SliSpec,
  SloObjective,
} from './schema';
import {
  AlertConditionDocument,
  AlertNotificationTargetDocument,
  AlertPolicyDocument,
  DataSourceDocument,
  SliDocument,
  SloDocument,
  validateOpenSloDocument,
} from './validateOpenSloDocument';

/**
 * Finds a document by kind and by the name another document gives it; the
 * caller decides namespaces and where documents live (files, the catalog,
 * app-config). Undefined when there is none. What it returns is checked.
 */
export type OpenSloLookup = (
  kind: OpenSloReferenceKind,
  name: string,
) => unknown;

/** Options of {@link resolveSlo}. */
export interface ResolveSloOptions {
  /**
   * Whether a `metricSourceRef` the lookup does not find is a problem. Default
   * true; Prometheus rules only need the queries, not the data source.
   */
  requireDataSources?: boolean;
  /** The message for a document the lookup did not find. */
  notFound?(reference: { kind: OpenSloReferenceKind; name: string }): string;
}

/** Something referenced that is missing or unusable. */
export interface ResolutionProblem {
  /**
   * The SLO's field the problem is at or comes through, e.g.
   * `spec.objectives[1].indicatorRef`.
   */
  path: string;
  message: string;
  /** The objective it concerns; absent when it concerns the whole SLO (its alerting). */
  objective?: number;
  /** When the field at fault is in a referenced document: that document and the field. */
  inDocument?: { kind: OpenSloReferenceKind; name: string; path: string };
}

/** The SLI one objective measures. */
export interface ResolvedSli {
  /** The SLO's field it comes from: `spec.objectives[0].indicatorRef`, `spec.indicator`, … */
  path: string;
  name: string;
  spec: SliSpec;
  /** The SLI document, when the SLO refers to one by name. */
  document?: SliDocument;
}

/** Where an SLI's data comes from: a DataSource by name, or a bare type. */
export interface ResolvedMetricSource {
  /** `metricSourceRef`. */
  ref?: string;
  /** `type`: what inline sources give; with a ref, only a hint. */
  type?: string;
  /** The DataSource named by `ref`, when the lookup found it. */
  dataSource?: DataSourceDocument;
}

/** One objective with what measuring it takes. */
export interface ResolvedObjective {
  index: number;
  objective: SloObjective;
  sli?: ResolvedSli;
  metricSource?: ResolvedMetricSource;
}

/** Where a policy's alerts go (an OpenSLO AlertNotificationTarget). */
export type ResolvedNotificationTarget = NotificationTarget;

/** A burn-rate condition of one of the SLO's alert policies. */
export interface ResolvedAlertCondition extends BurnRateCondition {
  op: 'gt' | 'gte';
  /** The SLO's field it is declared at or reached through. */
  path: string;
  /**
   * The notification targets of the policies it belongs to, in order, once
   * each; absent when they name none.
   */
  notificationTargets?: ResolvedNotificationTarget[];
}

/** An SLO with everything it refers to. */
export interface ResolvedSlo {
  slo: SloDocument;
  objectives: ResolvedObjective[];
  /**
   * The conditions of its alert policies, in order; undefined when it has no
   * alert policy, and then the default tiers apply (see sloAlertTiers).
   */
  alertConditions?: ResolvedAlertCondition[];
  /** Every problem: the objectives', then the alerting's. */
  problems: ResolutionProblem[];
  /**
   * Every document looked up and not found, once each. An asynchronous caller
   * fetches these in one batch and resolves again, until nothing new is
   * missing (at most twice: SLO → SLI or policy → data source or condition).
   */
  missing: Array<{ kind: OpenSloReferenceKind; name: string }>;
}

/** Where the resolver is reading: the SLO itself, or a document it refers to. */
interface Site {
  objective?: number;
  /** Set inside a referenced document: the SLO's field that leads there. */
  via?: { path: string; kind: OpenSloReferenceKind; name: string };
}

type DocumentOfKind = {
  SLI: SliDocument;
  DataSource: DataSourceDocument;
  AlertPolicy: AlertPolicyDocument;
  AlertCondition: AlertConditionDocument;
  AlertNotificationTarget: AlertNotificationTargetDocument;
};

/**
 * The annotation of an AlertCondition that sets its short window, when it is
 * not the usual twelfth of the lookback window (as in Pyrra's fourth tier, 4 d
 * with 6 h). OpenSLO leaves implementation details to annotations.
 */
export const SHORT_WINDOW_ANNOTATION = 'triad.dev/short-window';

interface ConditionMetadata {
  name: string;
  annotations?: Record<string, unknown>;
}

function shortWindowProblem(
  value: unknown,
  lookbackWindow: string,
): string | undefined {
  const parsed = typeof value === 'string' ? parseDuration(value) : undefined;
  if (!parsed || isCalendarUnit(parsed.unit)) {
    return `"${String(value)}" is not a duration of fixed length such as 6h`;
  }
  if (durationToMs(value as string) >= durationToMs(lookbackWindow)) {
    return `${value} is not shorter than the lookback window ${lookbackWindow}`;
  }
  return undefined;
}

/**
 * Resolves an OpenSLO SLO: per objective its SLI (see objectiveIndicator for
 * which one) and the SLI's data source (`metricSourceRef` before `type`; all
 * metrics of one SLI must share it), and the burn-rate conditions of its
 * alert policies (inline or by name, each condition inline or by name). A
 * condition must fire above its threshold (`gt`, `gte`): with `lt` or `lte`
 * it would page while the budget burns slowly, and never in an incident.
 * Pure: every document comes from `lookup`, and every problem names the field
 * it is at. Used by the SLO backend and the rule generator (and so the
 * scaffolder actions and the CLI).
 */
export function resolveSlo(
  slo: SloDocument,
  lookup: OpenSloLookup,
  options: ResolveSloOptions = {},
): ResolvedSlo {
  const problems: ResolutionProblem[] = [];
  const missing = new Map<
    string,
    { kind: OpenSloReferenceKind; name: string }
  >();
  const notFound =
    options.notFound ?? (({ kind, name }) => `${kind} "${name}" was not found`);

  const report = (site: Site, path: string, message: string) => {
    problems.push({
      path: site.via ? site.via.path : path,
      message,
      ...(site.objective !== undefined && { objective: site.objective }),
      ...(site.via && {
        inDocument: { kind: site.via.kind, name: site.via.name, path },
      }),
    });
  };

  /** The document `name` refers to at `path` of the site, or undefined after reporting why not. */
  const follow = <K extends OpenSloReferenceKind>(
    kind: K,
    name: string,
    site: Site,
    path: string,
    required = true,
  ): { document: DocumentOfKind[K]; site: Site } | undefined => {
    const found = lookup(kind, name);
    if (found === undefined || found === null) {
      missing.set(`${kind}\0${name}`, { kind, name });
      if (required) report(site, path, notFound({ kind, name }));
      return undefined;
    }
    const foundKind = (found as { kind?: unknown }).kind;
    if (
      typeof foundKind !== 'string' ||
      foundKind.toLocaleLowerCase('en-US') !== kind.toLocaleLowerCase('en-US')
    ) {
      report(
        site,
        path,
        `"${name}" is of kind ${String(foundKind)}, not ${kind}`,
      );
      return undefined;
    }
    const result = validateOpenSloDocument(found);
    if (!result.ok) {
      report(
        site,
        path,
        `${kind} "${name}" is invalid: ${result.problems
          .map(p => (p.path ? `${p.path}: ${p.message}` : p.message))
          .join('; ')}`,
      );
      return undefined;
    }
    return {
      document: result.document as DocumentOfKind[K],
      site: {
        objective: site.objective,
        via: { path: site.via?.path ?? path, kind, name },
      },
    };
  };

  const metricSourceOf = (
    sli: SliSpec,
    specPath: string,
    site: Site,
  ): ResolvedMetricSource | undefined => {
    const metrics = sliMetricSources(sli, specPath);
    const key = ({ metricSource: m }: (typeof metrics)[number]) =>
      m.metricSourceRef !== undefined
        ? `DataSource "${m.metricSourceRef}"`
        : `type ${m.type!.toLocaleLowerCase('en-US')}`;
    const [first] = metrics;
    const other = metrics.find(m => key(m) !== key(first));
    if (other) {
      report(
        site,
        other.path,
        `uses ${key(other)} but ${first.path} uses ${key(
          first,
        )}; all metrics of one SLI must use the same data source`,
      );
      return undefined;
    }
    const { metricSourceRef: ref, type } = first.metricSource;
    if (ref === undefined) return { type };
    const found = follow(
      'DataSource',
      ref,
      site,
      `${first.path}.metricSourceRef`,
      options.requireDataSources ?? true,
    );
    return {
      ref,
      ...(type !== undefined && { type }),
      ...(found && { dataSource: found.document }),
    };
  };

  const objectives = slo.spec.objectives.map(
    (objective, index): ResolvedObjective => {
      const site: Site = { objective: index };
      const resolved: ResolvedObjective = { index, objective };
      const field = objectiveIndicator(slo.spec, index);
      // Where the SLI's fields are: in the SLO, or in the SLI document.
      let sliSite = site;
      let specPath = '';
      if (field?.indicator) {
        resolved.sli = {
          path: field.path,
          name: field.indicator.metadata.name,
          spec: field.indicator.spec,
        };
        specPath = `${field.path}.spec`;
      } else if (field?.ref) {
        const found = follow('SLI', field.ref, site, field.path);
        if (found) {
          resolved.sli = {
            path: field.path,
            name: found.document.metadata.name,
            spec: found.document.spec,
            document: found.document,
          };
          sliSite = found.site;
          specPath = 'spec';
        }
      } else {
        report(
          site,
          `spec.objectives[${index}].indicatorRef`,
          'the objective has no SLI: give indicator or indicatorRef on the SLO or the objective',
        );
      }
      if (!resolved.sli) return resolved;
      for (const p of objectiveSliProblems(
        objective,
        resolved.sli.spec,
        slo.spec.budgetingMethod,
      )) {
        report(site, `spec.objectives[${index}].${p.field}`, p.message);
      }
      const metricSource = metricSourceOf(resolved.sli.spec, specPath, sliSite);
      if (metricSource) resolved.metricSource = metricSource;
      return resolved;
    },
  );

  const policies = alertPolicyFields(slo.spec);
  let alertConditions: ResolvedAlertCondition[] | undefined;
  if (policies.length) {
    const conditions: ResolvedAlertCondition[] = [];
    /** `declared` is where the policy names or inlines the condition, `spec` where its spec is. */
    const addCondition = (
      { name, annotations }: ConditionMetadata,
      spec: AlertConditionSpec,
      declared: { site: Site; path: string },
      at: { site: Site; specPath: string; metadataPath: string },
      targets: ResolvedNotificationTarget[],
    ) => {
      const { op, threshold, lookbackWindow, alertAfter } = spec.condition;
      const shortWindow = annotations?.[SHORT_WINDOW_ANNOTATION];
      if (shortWindow !== undefined) {
        const problem = shortWindowProblem(shortWindow, lookbackWindow);
        if (problem) {
          report(
            at.site,
            `${at.metadataPath}.annotations["${SHORT_WINDOW_ANNOTATION}"]`,
            problem,
          );
          return;
        }
      }
      if (op !== 'gt' && op !== 'gte') {
        report(
          at.site,
          `${at.specPath}.condition.op`,
          `is ${op}: a burn-rate alert fires when the budget burns faster than the threshold, so use gt or gte`,
        );
        return;
      }
      const condition: ResolvedAlertCondition = {
        name,
        severity: spec.severity,
        op,
        threshold,
        lookbackWindow,
        ...(alertAfter !== undefined && { alertAfter }),
        ...(typeof shortWindow === 'string' && { shortWindow }),
        path: declared.site.via?.path ?? declared.path,
        ...(targets.length && { notificationTargets: [...targets] }),
      };
      const same = conditions.find(c => c.name === name);
      // Two policies may share a condition (for different notification
      // targets); it is still one tier, which notifies the targets of both.
      if (!same) conditions.push(condition);
      else if (sameTier(same, condition)) {
        for (const t of targets) {
          same.notificationTargets ??= [];
          if (!same.notificationTargets.some(x => x.name === t.name)) {
            same.notificationTargets.push(t);
          }
        }
      } else {
        report(
          declared.site,
          declared.path,
          `another alert condition of this SLO (${same.path}) is also named "${name}"; tiers need distinct names`,
        );
      }
    };
    for (const entry of policies) {
      let policy: { spec: AlertPolicySpec; site: Site; specPath: string };
      if (entry.policy) {
        policy = {
          spec: entry.policy.spec,
          site: {},
          specPath: `${entry.path}.spec`,
        };
      } else {
        const found = follow('AlertPolicy', entry.ref!, {}, entry.path);
        if (!found) continue;
        policy = {
          spec: found.document.spec,
          site: found.site,
          specPath: 'spec',
        };
      }
      const targets: ResolvedNotificationTarget[] = [];
      for (const t of notificationTargetFields(policy.spec, policy.specPath)) {
        const found = t.ref
          ? follow('AlertNotificationTarget', t.ref, policy.site, t.path)
              ?.document
          : t.target;
        if (!found || targets.some(x => x.name === found.metadata.name)) {
          continue;
        }
        targets.push({
          name: found.metadata.name,
          target: found.spec.target,
          ...(found.metadata.displayName && {
            displayName: found.metadata.displayName,
          }),
          ...(found.spec.description && {
            description: found.spec.description,
          }),
        });
      }
      for (const c of alertConditionFields(policy.spec, policy.specPath)) {
        const declared = { site: policy.site, path: c.path };
        if (c.condition) {
          addCondition(
            c.condition.metadata,
            c.condition.spec,
            declared,
            {
              site: policy.site,
              specPath: `${c.path}.spec`,
              metadataPath: `${c.path}.metadata`,
            },
            targets,
          );
          continue;
        }
        const found = follow('AlertCondition', c.ref!, policy.site, c.path);
        if (found) {
          addCondition(
            found.document.metadata,
            found.document.spec,
            declared,
            { site: found.site, specPath: 'spec', metadataPath: 'metadata' },
            targets,
          );
        }
      }
    }
    alertConditions = conditions;
  }

  return {
    slo,
    objectives,
    ...(alertConditions && { alertConditions }),
    problems,
    missing: [...missing.values()],
  };
}

function sameTier(a: ResolvedAlertCondition, b: ResolvedAlertCondition) {
  return (
    a.severity === b.severity &&
    a.op === b.op &&
    a.threshold === b.threshold &&
    a.lookbackWindow === b.lookbackWindow &&
    a.alertAfter === b.alertAfter &&
    a.shortWindow === b.shortWindow
  );
}
