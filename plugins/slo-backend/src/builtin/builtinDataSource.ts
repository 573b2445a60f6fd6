import { SloDataSource } from '@triad/plugin-slo-node';
import { BuiltinStore } from './BuiltinStore';
import { builtinTimeline } from './builtinTimeline';
import { seriesOfIndicator } from './builtinSeries';
import { measureOccurrences } from './measureOccurrences';
import { measureTimeslices } from './measureTimeslices';

/**
 * The `builtin` data source: reads the counts pushed to
 * `POST /api/slo/v1/samples`.
 */
export function builtinDataSource(store: BuiltinStore): SloDataSource {
  return {
    type: 'builtin',
    timeline: (req, stepMs) => builtinTimeline(store, req, stepMs),
    async measure(req) {
      const series = seriesOfIndicator(req.indicator);
      return req.slo.spec.budgetingMethod === 'Occurrences'
        ? measureOccurrences(store, req, series)
        : measureTimeslices(store, req, series);
    },
  };
}
