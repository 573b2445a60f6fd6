import type {
  AlertConditionSpec,
  AlertPolicySpec,
  SliSpec,
  SloSpec,
} from './schema';

/*
 * Where an OpenSLO document names or inlines the documents it depends on,
 * with the path of each field. The resolver (resolveSlo) and the catalog's
 * relations (openSloReferences) both read documents through these, so they
 * cannot disagree about which fields are references.
 */

type InlineSli = NonNullable<SloSpec['indicator']>;
type MetricSource = NonNullable<SliSpec['thresholdMetric']>['metricSource'];

/** Where one objective's SLI is given: inline or by name. */
export interface IndicatorField {
  /** e.g. `spec.objectives[1].indicatorRef` or `spec.indicator`. */
  path: string;
  indicator?: InlineSli;
  ref?: string;
}

/**
 * Where objective `index` takes its SLI from. OpenSLO v1 gives a plain SLO one
 * SLI (`spec.indicator` or `spec.indicatorRef`) and moves the SLI into
 * `objectives[]` for a composite SLO, one per objective. So an objective's own
 * SLI is the more specific statement and wins over the SLO's; the SLO's is
 * the default for objectives without one. On one level, `indicator` and
 * `indicatorRef` exclude each other (validation refuses both; were both
 * there, the inline one would count).
 */
export function objectiveIndicator(
  spec: Pick<SloSpec, 'indicator' | 'indicatorRef' | 'objectives'>,
  index: number,
): IndicatorField | undefined {
  const levels = [
    [spec.objectives[index], `spec.objectives[${index}]`],
    [spec, 'spec'],
  ] as const;
  for (const [level, path] of levels) {
    if (level.indicator) {
      return { path: `${path}.indicator`, indicator: level.indicator };
    }
    if (level.indicatorRef) {
      return { path: `${path}.indicatorRef`, ref: level.indicatorRef };
    }
  }
  return undefined;
}

/** The metric sources of an SLI, each with the path of its `metricSource`. */
export function sliMetricSources(
  sli: SliSpec,
  specPath: string,
): Array<{ path: string; metricSource: MetricSource }> {
  const r = sli.ratioMetric;
  const metrics: Array<[string, { metricSource: MetricSource } | undefined]> = [
    ['thresholdMetric', sli.thresholdMetric],
    ['ratioMetric.good', r?.good],
    ['ratioMetric.bad', r?.bad],
    ['ratioMetric.total', r?.total],
    ['ratioMetric.raw', r?.raw],
  ];
  return metrics.flatMap(([field, metric]) =>
    metric
      ? [
          {
            path: `${specPath}.${field}.metricSource`,
            metricSource: metric.metricSource,
          },
        ]
      : [],
  );
}

type InlinePolicy = {
  metadata: { name: string };
  spec: AlertPolicySpec;
};

/** One entry of an SLO's `alertPolicies`: a policy by name, or inline. */
export interface AlertPolicyField {
  /** The name's field (`spec.alertPolicies[0].alertPolicyRef`), or the inline policy's. */
  path: string;
  ref?: string;
  policy?: InlinePolicy;
}

/** The entries of an SLO's `alertPolicies`, in order. */
export function alertPolicyFields(
  spec: Pick<SloSpec, 'alertPolicies'>,
): AlertPolicyField[] {
  return (spec.alertPolicies ?? []).map((entry, i) => {
    const path = `spec.alertPolicies[${i}]`;
    if (typeof entry === 'string') return { path, ref: entry };
    if ('alertPolicyRef' in entry) {
      return { path: `${path}.alertPolicyRef`, ref: entry.alertPolicyRef };
    }
    return { path, policy: entry };
  });
}

/** One condition of an alert policy: by name, or inline. */
export interface AlertConditionField {
  /** The `conditionRef` field, or the inline condition. */
  path: string;
  ref?: string;
  condition?: { metadata: { name: string }; spec: AlertConditionSpec };
}

/** One notification target of an alert policy: by name, or inline. */
export interface NotificationTargetField {
  /** The `targetRef` field, or the inline target. */
  path: string;
  ref?: string;
  target?: {
    metadata: { name: string; displayName?: string };
    spec: { target: string; description?: string };
  };
}

/** The notification targets of an alert policy whose spec is at `specPath`. */
export function notificationTargetFields(
  policy: AlertPolicySpec,
  specPath: string,
): NotificationTargetField[] {
  return (policy.notificationTargets ?? []).map((t, i) => {
    const path = `${specPath}.notificationTargets[${i}]`;
    return 'targetRef' in t
      ? { path: `${path}.targetRef`, ref: t.targetRef }
      : { path, target: t };
  });
}

/** The conditions of an alert policy whose spec is at `specPath`. */
export function alertConditionFields(
  policy: AlertPolicySpec,
  specPath: string,
): AlertConditionField[] {
  return policy.conditions.map((c, i) => {
    const path = `${specPath}.conditions[${i}]`;
    return 'conditionRef' in c
      ? { path: `${path}.conditionRef`, ref: c.conditionRef }
      : { path, condition: c };
  });
}
