import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import {
  InputError,
  ServiceUnavailableError,
  stringifyError,
} from '@backstage/errors';
import {
  burnDown,
  SloTimelineResponse,
  evaluateObjective,
  objectiveTarget,
  periodAt,
  SloResult,
  sloAlertTiers,
  sloPeriodMs,
  SloStatus,
  StatusThresholds,
  timeSliceMs,
  toTimeWindow,
} from '@triad/plugin-slo-common';
import { SloDataSource, SloMeasurement } from '@triad/plugin-slo-node';
import { SloDefinition } from './SloDefinitions';
import { SnapshotStore } from '../database/SnapshotStore';

const SEVERITY: Record<SloStatus, number> = {
  healthy: 0,
  'no-data': 1,
  warning: 2,
  breached: 3,
};

/** The worst of several statuses. */
export function worstStatus(statuses: SloStatus[]): SloStatus {
  return statuses.reduce<SloStatus>(
    (w, s) => (SEVERITY[s] > SEVERITY[w] ? s : w),
    'healthy',
  );
}

export interface SloEvaluatorOptions {
  dataSources: ReadonlyMap<string, SloDataSource>;
  snapshots: SnapshotStore;
  cache: CacheService;
  logger: LoggerService;
  cacheTtlMs: number;
  timeoutMs: number;
  /** Per data-source name, overriding `timeoutMs`. */
  sourceTimeoutsMs: ReadonlyMap<string, number>;
  thresholds?: StatusThresholds;
}

/** Where the owner and system of an SLO's service come from. */
export interface SloContext {
  ownerRef?: string;
  systemRef?: string;
}

/**
 * Refuses a period no date can hold: OpenSLO allows any whole number of days,
 * and a window of billions of days would otherwise reach the data source as
 * NaN.
 */
function checkPeriod(period: { start: Date; end: Date }, duration: string) {
  if (!Number.isFinite(period.start.getTime() + period.end.getTime())) {
    throw new InputError(`timeWindow: ${duration} is too long to evaluate`);
  }
}

const evaluationKey = (ref: string) => `evaluation:${ref}`;

async function withTimeout<T>(
  run: (signal: AbortSignal) => Promise<T>,
  ms: number,
  what: string,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new ServiceUnavailableError(
          `${what} did not answer within ${ms / 1000}s`,
        ),
      );
    }, ms);
  });
  try {
    // Race as well as abort: a source that ignores the signal cannot hold the request.
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Evaluates SLOs from their data sources. Answers are cached; concurrent
 * requests for one SLO share one evaluation; when a source fails the last good
 * evaluation is served, marked stale with the reason.
 */
export class SloEvaluator {
  private readonly inFlight = new Map<string, Promise<SloResult>>();

  constructor(private readonly options: SloEvaluatorOptions) {}

  /** The cached evaluation of an SLO measuring `serviceRef`, if there is one. */
  async cached(
    ref: string,
    serviceRef: string,
  ): Promise<SloResult | undefined> {
    const hit = (await this.options.cache.get(evaluationKey(ref))) as
      | SloResult
      | undefined;
    // An answer from before the SLO moved to another service would show the
    // old service (and its owner) to readers of the new one.
    return hit?.serviceRef.toLowerCase() === serviceRef.toLowerCase()
      ? hit
      : undefined;
  }

  async evaluate(
    def: SloDefinition,
    context: SloContext,
    mode: { useCache: boolean } = { useCache: true },
  ): Promise<SloResult> {
    if (mode.useCache) {
      const cached = await this.cached(def.ref, def.serviceRef);
      if (cached) return cached;
      const running = this.inFlight.get(def.ref);
      if (running) return running;
    }
    const promise = this.evaluateFresh(def, context).finally(() =>
      this.inFlight.delete(def.ref),
    );
    this.inFlight.set(def.ref, promise);
    const result = await promise;
    // A stale or failed answer is kept briefly, so a recovered source is seen soon.
    const ttl =
      result.stale || result.error
        ? Math.min(10_000, this.options.cacheTtlMs)
        : this.options.cacheTtlMs;
    await this.options.cache.set(evaluationKey(def.ref), result as any, {
      ttl,
    });
    return result;
  }

  private async evaluateFresh(
    def: SloDefinition,
    context: SloContext,
  ): Promise<SloResult> {
    const at = new Date();
    const timeWindow = toTimeWindow(def.doc.spec.timeWindow[0]);
    const period = periodAt(timeWindow, at);
    // The tiers of the generated Prometheus rules: fixed period lengths.
    const tiers = sloAlertTiers(
      def.conditions,
      sloPeriodMs(def.doc.spec.timeWindow[0]),
    );
    const windowsMs = [
      ...new Set(tiers.flatMap(t => [t.longWindowMs, t.shortWindowMs])),
    ];
    const firstSource = def.objectives.find(o => o.source)?.source;
    const base = {
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

    try {
      checkPeriod(period, timeWindow.duration);
      if (def.problem) throw new Error(def.problem);
      let sourceUrl: string | undefined;
      const objectives = await Promise.all(
        def.objectives.map(async o => {
          if (o.problem || !o.source || !o.indicator) {
            throw new Error(`objective ${o.index + 1}: ${o.problem}`);
          }
          const source = this.options.dataSources.get(o.source.type);
          if (!source) {
            throw new Error(
              `data source "${o.source.name}" has type "${o.source.type}", which no installed module serves`,
            );
          }
          const sliceMs = timeSliceMs(o.objective);
          const timeout =
            this.options.sourceTimeoutsMs.get(o.source.name) ??
            this.options.timeoutMs;
          const measured: SloMeasurement = await withTimeout(
            signal =>
              source.measure({
                slo: def.doc,
                objective: o.objective,
                indicator: o.indicator!,
                source: o.source!,
                period,
                windowsMs,
                timeSliceMs: sliceMs,
                at,
                signal,
              }),
            timeout,
            `data source "${o.source.name}"`,
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
              thresholds: this.options.thresholds,
            }),
          };
        }),
      );
      const result: SloResult = JSON.parse(
        JSON.stringify({
          ...base,
          period,
          sourceUrl,
          evaluatedAt: at.toISOString(),
          stale: false,
          status: worstStatus(objectives.map(o => o.status)),
          objectives,
        }),
      );
      await this.options.snapshots.save(result);
      return result;
    } catch (error) {
      const reason =
        error instanceof Error ? error.message : stringifyError(error);
      this.options.logger.warn(`Could not evaluate ${def.ref}: ${reason}`);
      const last = await this.options.snapshots.latest(def.ref);
      const result: SloResult =
        last && !last.error
          ? { ...last, stale: true, staleReason: reason }
          : JSON.parse(
              JSON.stringify({
                ...base,
                period,
                evaluatedAt: at.toISOString(),
                stale: false,
                error: reason,
                status: 'no-data',
                objectives: [],
              }),
            );
      await this.options.snapshots.saveLatest(result);
      return result;
    }
  }

  /**
   * Cumulative SLI and remaining budget over the current period, for charts,
   * up to the instant of `evaluation`: the chart ends at the figures the page
   * shows beside it. Sources without a timeline give no points; the charts
   * then fall back to the history of snapshots.
   */
  async timeline(
    def: SloDefinition,
    evaluation: SloResult,
  ): Promise<SloTimelineResponse> {
    const key = `timeline:${def.ref}:${evaluation.evaluatedAt}`;
    const cached = (await this.options.cache.get(key)) as
      | SloTimelineResponse
      | undefined;
    if (cached) return cached;
    const at = new Date(evaluation.evaluatedAt);
    const timeWindow = toTimeWindow(def.doc.spec.timeWindow[0]);
    const period = periodAt(timeWindow, at);
    checkPeriod(period, timeWindow.duration);
    // About 200 points per chart over the part of the period gone so far (a
    // calendar month on its first morning still draws a line), in whole
    // minutes and whole slices.
    const spanMs = period.elapsedFraction * period.lengthMs;
    const objectives = await Promise.all(
      def.objectives.map(async o => {
        const slice = timeSliceMs(o.objective) ?? 60_000;
        const stepMs = Math.max(slice, Math.ceil(spanMs / 200 / slice) * slice);
        const source = o.source && this.options.dataSources.get(o.source.type);
        const base = {
          index: o.index,
          displayName: o.objective.displayName,
          target: objectiveTarget(o.objective),
          stepMs,
        };
        if (!source?.timeline || !o.indicator) return { ...base, points: [] };
        const timeout =
          this.options.sourceTimeoutsMs.get(o.source!.name) ??
          this.options.timeoutMs;
        const buckets = await withTimeout(
          signal =>
            source.timeline!(
              {
                slo: def.doc,
                objective: o.objective,
                indicator: o.indicator!,
                source: o.source!,
                period,
                windowsMs: [],
                timeSliceMs: timeSliceMs(o.objective),
                at,
                signal,
              },
              stepMs,
            ),
          timeout,
          `data source "${o.source!.name}"`,
        );
        const points = burnDown(buckets, base.target, period, stepMs);
        // Counts that arrived after the evaluation (a late push) may move the
        // curve by a step's worth; its end is pinned to the evaluation so the
        // page never shows two different figures for one instant.
        const evaluated = evaluation.objectives.find(e => e.index === o.index);
        const last = points[points.length - 1];
        if (last && evaluated && !evaluation.stale) {
          last.sli = evaluated.sli;
          last.remaining = evaluated.budget.remaining;
        }
        return { ...base, points };
      }),
    );
    const result: SloTimelineResponse = JSON.parse(
      JSON.stringify({
        ref: def.ref,
        stepMs: objectives[0]?.stepMs ?? 60_000,
        period,
        objectives: objectives.map(({ stepMs: _step, ...o }) => o),
      }),
    );
    await this.options.cache.set(key, result as any, {
      ttl: this.options.cacheTtlMs,
    });
    return result;
  }
}
