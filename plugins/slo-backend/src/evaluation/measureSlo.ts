import {
  evaluateObjective,
  objectiveTarget,
  SloResult,
  sloAlertTiers,
  sloPeriodMs,
  SloStatus,
  StatusThresholds,
  timeSliceMs,
  TimeWindow,
} from '@triad/plugin-slo-common';
import { SloContext } from './sloContext';
import { SloDefinition } from './SloDefinitions';
import { checkPeriod, isMeasurable, periodOf, SloSources } from './SloSources';

const SEVERITY: Record<SloStatus, number> = {
  healthy: 0,
  'no-data': 1,
  warning: 2,
  breached: 3,
};

/** The worst of several statuses. */
function worstStatus(statuses: SloStatus[]): SloStatus {
  return statuses.reduce<SloStatus>(
    (w, s) => (SEVERITY[s] > SEVERITY[w] ? s : w),
    'healthy',
  );
}

/** What every evaluation of the SLO says, measured or not. */
function describeSlo(
  def: SloDefinition,
  context: SloContext,
  timeWindow: TimeWindow,
) {
  const firstSource = def.objectives.find(o => o.source)?.source;
  return {
    ref: def.ref,
    namespace: def.entity.metadata.namespace ?? 'default',
    name: def.entity.metadata.name,
    title:
      (def.doc.metadata.displayName as string | undefined) ??
      def.entity.metadata.title ??
      def.entity.metadata.name,
    description: def.doc.spec.description,
    serviceRef: def.serviceRef,
    ownerRef: context.ownerRef,
    systemRef: context.systemRef,
    budgetingMethod: def.doc.spec.budgetingMethod,
    timeWindow,
    dataSource: firstSource && {
      name: firstSource.name,
      type: firstSource.type,
    },
  };
}

/** Without undefined fields and with dates as text, as JSON would carry it. */
const asJson = (value: object): SloResult => JSON.parse(JSON.stringify(value));

/**
 * Evaluates every objective of the SLO from its data sources at `at`. Throws
 * when the SLO or one of its objectives cannot be evaluated, or a source
 * fails or times out.
 */
export async function measureSlo(
  def: SloDefinition,
  context: SloContext,
  options: { sources: SloSources; thresholds?: StatusThresholds },
  at: Date,
): Promise<SloResult> {
  const { timeWindow, period } = periodOf(def, at);
  checkPeriod(period, timeWindow);
  if (def.problem) throw new Error(def.problem);
  // The tiers of the generated Prometheus rules: fixed period lengths.
  const tiers = sloAlertTiers(
    def.conditions,
    sloPeriodMs(def.doc.spec.timeWindow[0]),
  );
  const windowsMs = [
    ...new Set(tiers.flatMap(t => [t.longWindowMs, t.shortWindowMs])),
  ];
  let sourceUrl: string | undefined;
  const objectives = await Promise.all(
    def.objectives.map(async o => {
      if (o.problem || !isMeasurable(o)) {
        throw new Error(`objective ${o.index + 1}: ${o.problem}`);
      }
      const source = options.sources.serving(o);
      if (!source) {
        throw new Error(
          `data source "${o.source.name}" has type "${o.source.type}", which no installed module serves`,
        );
      }
      const sliceMs = timeSliceMs(o.objective);
      const measured = await options.sources.ask(
        def,
        o,
        { period, windowsMs, timeSliceMs: sliceMs, at },
        request => source.measure(request),
      );
      sourceUrl ??= measured.sourceUrl;
      return {
        index: o.index,
        displayName: o.objective.displayName,
        ...evaluateObjective(measured, {
          target: objectiveTarget(o.objective),
          budgetingMethod: def.doc.spec.budgetingMethod,
          period,
          calendar: timeWindow.type === 'calendar',
          tiers,
          timeSliceMs: sliceMs,
          thresholds: options.thresholds,
        }),
      };
    }),
  );
  return asJson({
    ...describeSlo(def, context, timeWindow),
    period,
    sourceUrl,
    evaluatedAt: at.toISOString(),
    stale: false,
    status: worstStatus(objectives.map(o => o.status)),
    objectives,
  });
}

/** The answer for an SLO that could not be evaluated at `at`, saying why. */
export function unevaluatedSlo(
  def: SloDefinition,
  context: SloContext,
  at: Date,
  reason: string,
): SloResult {
  const { timeWindow, period } = periodOf(def, at);
  return asJson({
    ...describeSlo(def, context, timeWindow),
    period,
    evaluatedAt: at.toISOString(),
    stale: false,
    error: reason,
    status: 'no-data',
    objectives: [],
  });
}
