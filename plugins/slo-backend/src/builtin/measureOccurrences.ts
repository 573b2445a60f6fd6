import { SloMeasureRequest, SloMeasurement } from '@triad/plugin-slo-node';
import { BuiltinStore, WindowSums } from './BuiltinStore';
import { BuiltinSeries } from './builtinSeries';

const ratioOf = (bad: number, total: number) =>
  total > 0 ? bad / total : undefined;

/** Error ratios of an Occurrences SLO over its period and alert windows. */
export async function measureOccurrences(
  store: BuiltinStore,
  req: SloMeasureRequest,
  series: BuiltinSeries,
): Promise<SloMeasurement> {
  const end = Math.min(req.at.getTime(), req.period.end.getTime());
  const periodMs = end - req.period.start.getTime();
  const windows = [periodMs, ...req.windowsMs];
  const totals = await store.windowSums(series.total, end, windows);
  const badSeries = series.good ?? series.bad!;
  const other =
    badSeries === series.total
      ? totals
      : await store.windowSums(badSeries, end, windows);
  // Bad events come from the bad series' total minus good, or from good.
  const badOf = (i: number, sums: WindowSums[]) =>
    series.good ? totals[i].total - sums[i].good : sums[i].total - sums[i].good;
  const ratios = windows.map((_, i) =>
    ratioOf(badOf(i, other), totals[i].total),
  );
  return {
    periodErrorRatio: ratios[0],
    periodTotalEvents: totals[0].total,
    windowErrorRatios: Object.fromEntries(
      req.windowsMs.map((w, i) => [w, ratios[i + 1]]),
    ),
  };
}
