import { durationToMs, isCalendarUnit, parseDuration } from '../math/duration';
import {
  alertConditionFields,
  alertPolicyFields,
  notificationTargetFields,
} from './referenceFields';
import {
  ResolvedAlertCondition,
  ResolvedNotificationTarget,
} from './resolvedSlo';
import { AlertConditionSpec, AlertPolicySpec } from './schema';
import { Site, SloResolution } from './SloResolution';
import { SloDocument } from './validateOpenSloDocument';

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

/** An alert policy's spec and where it was read. */
interface PolicyAt {
  spec: AlertPolicySpec;
  site: Site;
  specPath: string;
}

/**
 * The burn-rate conditions of the SLO's alert policies (inline or by name,
 * each condition inline or by name), with the notification targets of the
 * policies they belong to; undefined when the SLO has no alert policy.
 */
export function resolveAlertConditions(
  resolution: SloResolution,
  slo: SloDocument,
): ResolvedAlertCondition[] | undefined {
  const policies = alertPolicyFields(slo.spec);
  if (!policies.length) return undefined;
  const conditions: ResolvedAlertCondition[] = [];
  for (const entry of policies) {
    let policy: PolicyAt;
    if (entry.policy) {
      policy = {
        spec: entry.policy.spec,
        site: {},
        specPath: `${entry.path}.spec`,
      };
    } else {
      const found = resolution.follow(
        'AlertPolicy',
        entry.ref!,
        {},
        entry.path,
      );
      if (!found) continue;
      policy = {
        spec: found.document.spec,
        site: found.site,
        specPath: 'spec',
      };
    }
    const targets = resolveNotificationTargets(resolution, policy);
    for (const c of alertConditionFields(policy.spec, policy.specPath)) {
      const declared = { site: policy.site, path: c.path };
      if (c.condition) {
        addCondition(resolution, conditions, {
          metadata: c.condition.metadata,
          spec: c.condition.spec,
          declared,
          at: {
            site: policy.site,
            specPath: `${c.path}.spec`,
            metadataPath: `${c.path}.metadata`,
          },
          targets,
        });
        continue;
      }
      const found = resolution.follow(
        'AlertCondition',
        c.ref!,
        policy.site,
        c.path,
      );
      if (found) {
        addCondition(resolution, conditions, {
          metadata: found.document.metadata,
          spec: found.document.spec,
          declared,
          at: { site: found.site, specPath: 'spec', metadataPath: 'metadata' },
          targets,
        });
      }
    }
  }
  return conditions;
}

/** The policy's notification targets, inline or by name, once each. */
function resolveNotificationTargets(
  resolution: SloResolution,
  policy: PolicyAt,
): ResolvedNotificationTarget[] {
  const targets: ResolvedNotificationTarget[] = [];
  for (const t of notificationTargetFields(policy.spec, policy.specPath)) {
    const found = t.ref
      ? resolution.follow('AlertNotificationTarget', t.ref, policy.site, t.path)
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
      ...(found.spec.description && { description: found.spec.description }),
    });
  }
  return targets;
}

/**
 * Adds a condition as a tier, or its targets to the same tier of another
 * policy. A condition must fire above its threshold (`gt`, `gte`): with `lt`
 * or `lte` it would page while the budget burns slowly, and never in an
 * incident.
 */
function addCondition(
  resolution: SloResolution,
  conditions: ResolvedAlertCondition[],
  c: {
    metadata: ConditionMetadata;
    spec: AlertConditionSpec;
    /** Where the policy names or inlines the condition. */
    declared: { site: Site; path: string };
    /** Where the condition's spec is. */
    at: { site: Site; specPath: string; metadataPath: string };
    targets: ResolvedNotificationTarget[];
  },
) {
  const { name, annotations } = c.metadata;
  const { op, threshold, lookbackWindow, alertAfter } = c.spec.condition;
  const shortWindow = annotations?.[SHORT_WINDOW_ANNOTATION];
  if (shortWindow !== undefined) {
    const problem = shortWindowProblem(shortWindow, lookbackWindow);
    if (problem) {
      resolution.report(
        c.at.site,
        `${c.at.metadataPath}.annotations["${SHORT_WINDOW_ANNOTATION}"]`,
        problem,
      );
      return;
    }
  }
  if (op !== 'gt' && op !== 'gte') {
    resolution.report(
      c.at.site,
      `${c.at.specPath}.condition.op`,
      `is ${op}: a burn-rate alert fires when the budget burns faster than the threshold, so use gt or gte`,
    );
    return;
  }
  const condition: ResolvedAlertCondition = {
    name,
    severity: c.spec.severity,
    op,
    threshold,
    lookbackWindow,
    ...(alertAfter !== undefined && { alertAfter }),
    ...(typeof shortWindow === 'string' && { shortWindow }),
    path: c.declared.site.via?.path ?? c.declared.path,
    ...(c.targets.length && { notificationTargets: [...c.targets] }),
  };
  const same = conditions.find(x => x.name === name);
  // Two policies may share a condition (for different notification
  // targets); it is still one tier, which notifies the targets of both.
  if (!same) conditions.push(condition);
  else if (sameTier(same, condition)) {
    for (const t of c.targets) {
      same.notificationTargets ??= [];
      if (!same.notificationTargets.some(x => x.name === t.name)) {
        same.notificationTargets.push(t);
      }
    }
  } else {
    resolution.report(
      c.declared.site,
      c.declared.path,
      `another alert condition of this SLO (${same.path}) is also named "${name}"; tiers need distinct names`,
    );
  }
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
