import { TestDatabases } from '@backstage/backend-test-utils';
import {
  periodAt,
  SloDocument,
  validateOpenSloDocument,
} from '@triad/plugin-slo-common';
import { migrateDatabase } from '../database/migrateDatabase';
import { BuiltinStore } from './BuiltinStore';
import { builtinDataSource } from './builtinDataSource';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function slo(budgetingMethod: string, objective: object): SloDocument {
  const result = validateOpenSloDocument({
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'x' },
    spec: {
      service: 'svc',
      indicator: {
        metadata: { name: 'i' },
        spec: {
          ratioMetric: {
            counter: true,
            good: {
              metricSource: { type: 'builtin', spec: { series: 'api' } },
            },
            total: {
              metricSource: { type: 'builtin', spec: { series: 'api' } },
            },
          },
        },
      },
      timeWindow: [{ duration: '1d', isRolling: true }],
      budgetingMethod,
      objectives: [objective],
    },
  });
  if (!result.ok || result.document.kind !== 'SLO')
    throw new Error(JSON.stringify(result));
  return result.document;
}

describe('builtinDataSource', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  // The evaluation time: the end of minute 1440 (one day after minute 0).
  const at = new Date(1440 * MINUTE);
  let source: ReturnType<typeof builtinDataSource>;

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    await migrateDatabase(knex);
    const store = new BuiltinStore(knex);
    // One day of 100 requests a minute. The first 1380 minutes: 1 bad each;
    // the last hour: 10 bad each.
    await store.ingest(
      Array.from({ length: 1440 }, (_, m) => ({
        series: 'api',
        minute: m,
        good: m >= 1380 ? 90 : 99,
        total: 100,
      })),
    );
    source = builtinDataSource(store);
  });

  const request = (
    doc: SloDocument,
    windowsMs: number[],
    timeSliceMs?: number,
  ) => ({
    slo: doc,
    objective: doc.spec.objectives[0],
    indicator: doc.spec.indicator!.spec,
    source: { name: 'builtin', type: 'builtin', config: {} },
    period: periodAt({ type: 'rolling', duration: '1d' }, at),
    windowsMs,
    timeSliceMs,
    at,
    signal: new AbortController().signal,
  });

  it('measures Occurrences over the period and each window', async () => {
    const m = await source.measure(
      request(slo('Occurrences', { target: 0.99 }), [
        HOUR,
        5 * MINUTE,
        2 * HOUR,
      ]),
    );
    // Period: (1380 × 1 + 60 × 10) bad of 144,000 = 1980 / 144,000.
    expect(m.periodErrorRatio).toBeCloseTo(1980 / 144_000, 12);
    expect(m.periodTotalEvents).toBe(144_000);
    expect(m.windowErrorRatios[HOUR]).toBeCloseTo(0.1, 12);
    expect(m.windowErrorRatios[5 * MINUTE]).toBeCloseTo(0.1, 12);
    // Two hours: 60 × 1 + 60 × 10 bad of 12,000.
    expect(m.windowErrorRatios[2 * HOUR]).toBeCloseTo(660 / 12_000, 12);
  });

  it('judges one-minute slices for Timeslices', async () => {
    const m = await source.measure(
      request(
        slo('Timeslices', {
          target: 0.9,
          timeSliceTarget: 0.95,
          timeSliceWindow: '1m',
        }),
        [HOUR],
        MINUTE,
      ),
    );
    // 99 % minutes are good, 90 % minutes bad: 60 bad of 1440.
    expect(m.periodErrorRatio).toBeCloseTo(60 / 1440, 12);
    expect(m.periodJudgedSlices).toBe(1440);
    expect(m.windowErrorRatios[HOUR]).toBe(1);
  });

  it('averages slice ratios for RatioTimeslices', async () => {
    const m = await source.measure(
      request(
        slo('RatioTimeslices', { target: 0.9, timeSliceWindow: '1h' }),
        [2 * HOUR],
        HOUR,
      ),
    );
    // 23 hourly slices at 0.99 and one at 0.90: mean 0.98625.
    expect(m.periodErrorRatio).toBeCloseTo(1 - (23 * 0.99 + 0.9) / 24, 12);
  });

  it('reports no data for a series without samples', async () => {
    const doc = slo('Occurrences', { target: 0.99 });
    const req = request(doc, [HOUR]);
    req.indicator = {
      ratioMetric: {
        counter: true,
        good: {
          metricSource: { type: 'builtin', spec: { series: 'unknown' } },
        },
        total: {
          metricSource: { type: 'builtin', spec: { series: 'unknown' } },
        },
      },
    };
    const m = await source.measure(req);
    expect(m.periodErrorRatio).toBeUndefined();
    expect(m.windowErrorRatios[HOUR]).toBeUndefined();
    expect(JSON.stringify(m)).not.toMatch(/NaN|null/);
  });

  it('explains which SLIs it cannot serve', async () => {
    const req = request(slo('Occurrences', { target: 0.99 }), [HOUR]);
    req.indicator = {
      thresholdMetric: { metricSource: { type: 'builtin', spec: {} } },
    };
    await expect(source.measure(req)).rejects.toThrow(/ratioMetric SLIs/);
    req.indicator = {
      ratioMetric: {
        counter: true,
        good: { metricSource: { type: 'builtin', spec: {} } },
        total: { metricSource: { type: 'builtin', spec: { series: 'api' } } },
      },
    };
    await expect(source.measure(req)).rejects.toThrow(
      'ratioMetric.good.metricSource.spec.series',
    );
  });
});
