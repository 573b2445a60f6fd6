import { InputError } from '@backstage/errors';
import {
  Period,
  periodAt,
  SliSpec,
  TimeWindow,
  toTimeWindow,
} from '@triad/plugin-slo-common';
import {
  ResolvedDataSource,
  SloDataSource,
  SloMeasureRequest,
} from '@triad/plugin-slo-node';
import { ObjectiveDefinition, SloDefinition } from './SloDefinitions';
import { withTimeout } from './withTimeout';

/** An objective whose SLI and data source are known. */
export type MeasurableObjective = ObjectiveDefinition & {
  indicator: SliSpec;
  source: ResolvedDataSource;
};

export function isMeasurable(o: ObjectiveDefinition): o is MeasurableObjective {
  return !!o.indicator && !!o.source;
}

/** The SLO's time window and its period at `at`. */
export function periodOf(
  def: SloDefinition,
  at: Date,
): { timeWindow: TimeWindow; period: Period } {
  const timeWindow = toTimeWindow(def.doc.spec.timeWindow[0]);
  return { timeWindow, period: periodAt(timeWindow, at) };
}

/**
 * Refuses a period no date can hold: OpenSLO allows any whole number of days,
 * and a window of billions of days would otherwise reach the data source as
 * NaN.
 */
export function checkPeriod(period: Period, timeWindow: TimeWindow) {
  if (!Number.isFinite(period.start.getTime() + period.end.getTime())) {
    throw new InputError(
      `timeWindow: ${timeWindow.duration} is too long to evaluate`,
    );
  }
}

/** The installed data sources by type, and how long each may take. */
export interface SloSourcesOptions {
  dataSources: ReadonlyMap<string, SloDataSource>;
  timeoutMs: number;
  /** Per data-source name, overriding `timeoutMs`. */
  sourceTimeoutsMs: ReadonlyMap<string, number>;
}

/**
 * The one way evaluations and timelines ask a data source: the module that
 * serves the objective's source type, a request for the SLO's period, under
 * that source's timeout.
 */
export class SloSources {
  constructor(private readonly options: SloSourcesOptions) {}

  /** The installed module serving the objective's data source, if any. */
  serving(o: ObjectiveDefinition): SloDataSource | undefined {
    return o.source && this.options.dataSources.get(o.source.type);
  }

  ask<T>(
    def: SloDefinition,
    o: MeasurableObjective,
    request: Pick<
      SloMeasureRequest,
      'period' | 'windowsMs' | 'timeSliceMs' | 'at'
    >,
    call: (request: SloMeasureRequest) => Promise<T>,
  ): Promise<T> {
    const { name } = o.source;
    return withTimeout(
      signal =>
        call({
          slo: def.doc,
          objective: o.objective,
          indicator: o.indicator,
          source: o.source,
          ...request,
          signal,
        }),
      this.options.sourceTimeoutsMs.get(name) ?? this.options.timeoutMs,
      `data source "${name}"`,
    );
  }
}
