import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { stringifyError } from '@backstage/errors';
import {
  SloResult,
  SloTimelineResponse,
  StatusThresholds,
} from '@triad/plugin-slo-common';
import { SnapshotStore } from '../database/SnapshotStore';
import { measureSlo, unevaluatedSlo } from './measureSlo';
import { MeasuredService, SloContext } from './sloContext';
import { SloDefinition, SloDefinitions } from './SloDefinitions';
import { SloSources } from './SloSources';
import { sloTimeline } from './sloTimeline';

export interface SloEvaluatorOptions {
  definitions: Pick<SloDefinitions, 'resolve'>;
  sources: SloSources;
  snapshots: Pick<SnapshotStore, 'save' | 'saveLatest' | 'latest'>;
  cache: CacheService;
  logger: LoggerService;
  cacheTtlMs: number;
  thresholds?: StatusThresholds;
}

const evaluationKey = (ref: string) => `evaluation:${ref}`;

/**
 * Evaluates SLOs from their data sources, and owns the cache policy: answers
 * are cached, and an SLO with a cached answer is not resolved again;
 * concurrent requests for one SLO share one evaluation; when a source fails
 * the last good evaluation is served, marked stale with the reason, and kept
 * only briefly.
 */
export class SloEvaluator {
  private readonly inFlight = new Map<string, Promise<SloResult>>();

  constructor(private readonly options: SloEvaluatorOptions) {}

  /**
   * Evaluations of SLO entities that all measure `service`, cached ones
   * first: only SLOs without a cached answer for that service are resolved,
   * which asks the catalog for their SLIs and data sources.
   */
  async evaluate(
    slos: Entity[],
    service: MeasuredService,
  ): Promise<SloResult[]> {
    const cached = await Promise.all(
      slos.map(e => this.cached(stringifyEntityRef(e), service.ref)),
    );
    const defs = await this.options.definitions.resolve(
      slos.filter((_, i) => !cached[i]),
    );
    const fresh = await Promise.all(
      defs.map(
        d => this.inFlight.get(d.ref) ?? this.evaluateNow(d, service.context),
      ),
    );
    return [...cached.filter((r): r is SloResult => !!r), ...fresh];
  }

  /**
   * Evaluates the SLO now, whatever the cache holds, and caches the answer:
   * the scheduled evaluation of every SLO.
   */
  async evaluateNow(
    def: SloDefinition,
    context: SloContext,
  ): Promise<SloResult> {
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

  /**
   * The timeline of an SLO measuring `service`, drawn at the instant of the
   * evaluation the page shows (cached first, as `evaluate`).
   */
  async timeline(
    slo: Entity,
    service: MeasuredService,
  ): Promise<SloTimelineResponse> {
    const [evaluation] = await this.evaluate([slo], service);
    // One key per SLO, holding the timeline of the latest evaluation drawn:
    // Backstage's memory cache drops an expired entry only when it is read,
    // so a key per evaluation would keep every timeline ever drawn.
    const key = `timeline:${evaluation.ref}`;
    const cached = (await this.options.cache.get(key)) as
      | { evaluatedAt: string; timeline: SloTimelineResponse }
      | undefined;
    if (cached?.evaluatedAt === evaluation.evaluatedAt) return cached.timeline;
    const [def] = await this.options.definitions.resolve([slo]);
    const result = await sloTimeline(def, evaluation, this.options.sources);
    await this.options.cache.set(
      key,
      { evaluatedAt: evaluation.evaluatedAt, timeline: result } as any,
      { ttl: this.options.cacheTtlMs },
    );
    return result;
  }

  /** The cached evaluation of an SLO measuring `serviceRef`, if there is one. */
  private async cached(
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

  /**
   * Measures the SLO and stores a snapshot; when that fails, the last good
   * evaluation marked stale, or an answer saying why there is none.
   */
  private async evaluateFresh(
    def: SloDefinition,
    context: SloContext,
  ): Promise<SloResult> {
    const at = new Date();
    const { sources, thresholds, snapshots, logger } = this.options;
    try {
      const result = await measureSlo(
        def,
        context,
        { sources, thresholds },
        at,
      );
      await snapshots.save(result);
      return result;
    } catch (error) {
      const reason =
        error instanceof Error ? error.message : stringifyError(error);
      logger.warn(`Could not evaluate ${def.ref}: ${reason}`);
      const last = await snapshots.latest(def.ref);
      const result: SloResult =
        last && !last.error
          ? { ...last, stale: true, staleReason: reason }
          : unevaluatedSlo(def, context, at, reason);
      await snapshots.saveLatest(result);
      return result;
    }
  }
}
