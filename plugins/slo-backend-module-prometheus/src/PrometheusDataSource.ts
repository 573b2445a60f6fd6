import { LoggerService } from '@backstage/backend-plugin-api';
import {
  SloDataSource,
  SloMeasureRequest,
  SloMeasurement,
} from '@triad/plugin-slo-node';
import { promDuration, TimelineBucket } from '@triad/plugin-slo-common';
import { buildQueries } from './buildQueries';
import { buildTimelineQuery } from './buildTimelineQuery';
import { queryPrometheus, queryPrometheusRange } from './queryPrometheus';
import { PrometheusConnection, readConnection } from './readConnection';
import { readMeasurements } from './readMeasurements';
import { readTimeline } from './readTimeline';

export interface PrometheusDataSourceOptions {
  logger?: LoggerService;
}

/**
 * SLO data source for Prometheus-compatible HTTP APIs (Prometheus, Thanos,
 * Mimir, VictoriaMetrics). Measures an objective over its period and every
 * alert window with one instant query, and draws its timeline with one range
 * query.
 *
 * @public
 */
export class PrometheusDataSource implements SloDataSource {
  readonly type = 'prometheus';
  readonly #logger?: LoggerService;

  constructor(options: PrometheusDataSourceOptions = {}) {
    this.#logger = options.logger;
  }

  async measure(request: SloMeasureRequest): Promise<SloMeasurement> {
    const connection = readConnection(request.source);
    const { period, at } = request;
    // A calendar period is measured from its start up to now.
    const periodEnd = Math.min(at.getTime(), period.end.getTime());
    const plan = buildQueries({
      indicator: request.indicator,
      objective: request.objective,
      budgetingMethod: request.slo.spec.budgetingMethod,
      periodMs: periodEnd - period.start.getTime(),
      windowsMs: request.windowsMs,
      timeSliceMs: request.timeSliceMs,
    });
    const sourceUrl = `${connection.baseUrl}/graph?${new URLSearchParams({
      'g0.expr': plan.graphQuery,
      'g0.tab': '0',
      'g0.range_input': promDuration(Math.round(period.lengthMs)),
    })}`;
    if (plan.windows.length === 0) {
      return { periodErrorRatio: undefined, windowErrorRatios: {}, sourceUrl };
    }

    const started = Date.now();
    const samples = await queryPrometheus(connection, {
      query: plan.query,
      at,
      signal: signalOf(request, connection),
      purpose: `SLO "${request.slo.metadata.name}"`,
    });
    this.#logger?.debug(
      `Measured SLO ${request.slo.metadata.name} on ${connection.name} in ${
        Date.now() - started
      } ms`,
      { dataSource: connection.name, query: plan.query },
    );
    return { ...readMeasurements(plan, samples), sourceUrl };
  }

  /**
   * Good and total counts per step from the period start to `at`, in one
   * range query, ending exactly at what `measure` reports for `at`.
   */
  async timeline(
    request: SloMeasureRequest,
    stepMs: number,
  ): Promise<TimelineBucket[]> {
    const connection = readConnection(request.source);
    const { period, at } = request;
    const plan = buildTimelineQuery({
      indicator: request.indicator,
      objective: request.objective,
      budgetingMethod: request.slo.spec.budgetingMethod,
      timeSliceMs: request.timeSliceMs,
      periodStartMs: period.start.getTime(),
      atMs: Math.min(at.getTime(), period.end.getTime()),
      stepMs,
    });
    if (!plan) return [];
    const started = Date.now();
    const series = await queryPrometheusRange(connection, {
      query: plan.query,
      ...plan.range,
      signal: signalOf(request, connection),
      purpose: `the timeline of SLO "${request.slo.metadata.name}"`,
    });
    this.#logger?.debug(
      `Drew the timeline of SLO ${request.slo.metadata.name} on ${
        connection.name
      } in ${Date.now() - started} ms`,
      { dataSource: connection.name, query: plan.query },
    );
    return readTimeline(plan, series);
  }
}

/** The request's signal, and the source's own timeout when it has one. */
function signalOf(
  request: SloMeasureRequest,
  connection: PrometheusConnection,
): AbortSignal {
  return connection.timeoutMs === undefined
    ? request.signal
    : AbortSignal.any([
        request.signal,
        AbortSignal.timeout(connection.timeoutMs),
      ]);
}
