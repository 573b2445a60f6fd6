import {
  BuiltinStore,
  builtinDataSource,
} from '@triad/plugin-slo-backend/testUtils';
import {
  alertTiersForPeriod,
  periodAt,
  timeSliceMs,
  toTimeWindow,
} from '@triad/plugin-slo-common';
import { fmt, log } from '../../lib/report';
import { now, summary, timeEach } from '../../lib/util';
import { Bench } from './Bench';
import { BATCH, DAYS, MINUTE, series, slo } from './fixtures';

/** BuiltinStore.ingest of every series in batches, and of a batch sent again. */
export async function measureStoreIngest(
  { out, section, nSeries, endMinute }: Bench,
  label: string,
  store: BuiltinStore,
) {
  log(`${label}: ingest`);
  let samples = 0;
  let ms = 0;
  for (let s = 0; s < nSeries; s++) {
    const all = series(`bench/series-${s}`, endMinute);
    for (let i = 0; i < all.length; i += BATCH) {
      const batch = all.slice(i, i + BATCH);
      const t = now();
      await store.ingest(batch);
      ms += now() - t;
      samples += batch.length;
    }
  }
  // Re-sending a batch replaces the stored samples (idempotent ingest).
  const again = series('bench/series-0', endMinute).slice(0, BATCH);
  const t = now();
  await store.ingest(again);
  const replaceMs = now() - t;
  out.row({
    section,
    metric: `BuiltinStore.ingest on ${label}, batches of ${fmt.int(BATCH)}`,
    value: `${fmt.int(samples / (ms / 1000))} samples/s (${fmt.int(
      samples,
    )} new samples in ${fmt.ms(ms)}; a re-sent batch: ${fmt.int(
      BATCH / (replaceMs / 1000),
    )} samples/s)`,
  });
}

/** Evaluation of an Occurrences and a Timeslices SLO over 28 days of the store's data. */
export async function measureEvaluation(
  { quick, out, section, endMinute }: Bench,
  label: string,
  store: BuiltinStore,
) {
  log(`${label}: evaluation over 28 days`);
  const source = builtinDataSource(store);
  for (const method of ['Occurrences', 'Timeslices'] as const) {
    const doc = slo(method, 'bench/series-1');
    const at = new Date((endMinute + 1) * MINUTE + 30_000);
    const period = periodAt(toTimeWindow(doc.spec.timeWindow[0]), at);
    const tiers = alertTiersForPeriod(period.lengthMs);
    const windowsMs = [
      ...new Set(tiers.flatMap(x => [x.longWindowMs, x.shortWindowMs])),
    ];
    const objective = doc.spec.objectives[0];
    const measure = () =>
      source.measure({
        slo: doc,
        objective,
        indicator: doc.spec.indicator!.spec,
        source: { name: 'builtin', type: 'builtin', config: {} },
        period,
        windowsMs,
        timeSliceMs: timeSliceMs(objective),
        at,
        signal: new AbortController().signal,
      });
    const m = await measure();
    if (m.periodErrorRatio === undefined)
      throw new Error(`${label} ${method}: no data`);
    const times = await timeEach(quick ? 10 : 30, measure, 3);
    out.row({
      section,
      metric: `evaluate one ${method} SLO over 28 days (${fmt.int(
        DAYS * 1440,
      )} samples) on ${label}`,
      value: fmt.p(summary(times)),
    });
  }
}
