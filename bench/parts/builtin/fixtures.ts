import { Sample } from '@triad/plugin-slo-backend/testUtils';
import { SloDocument, validateOpenSloDocument } from '@triad/plugin-slo-common';

export const MINUTE = 60_000;
export const DAYS = 28;
export const BATCH = 10_000; // slo.builtin.maxBatchSize default

/** 28 days of per-minute samples of one series, ending a minute ago. */
export function series(name: string, endMinute: number): Sample[] {
  const n = DAYS * 24 * 60;
  return Array.from({ length: n }, (_, i) => {
    const total = 600 + ((i * 7919) % 800);
    return {
      series: name,
      minute: endMinute - (n - 1 - i),
      good: total - ((i * 31) % 3),
      total,
    };
  });
}

export function slo(
  method: 'Occurrences' | 'Timeslices',
  name: string,
): SloDocument {
  const result = validateOpenSloDocument({
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'bench' },
    spec: {
      service: 'svc',
      indicator: {
        metadata: { name: 'bench-sli' },
        spec: {
          ratioMetric: {
            counter: true,
            good: { metricSource: { type: 'builtin', spec: { series: name } } },
            total: {
              metricSource: { type: 'builtin', spec: { series: name } },
            },
          },
        },
      },
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: method,
      objectives: [
        method === 'Timeslices'
          ? { target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '5m' }
          : { target: 0.999 },
      ],
    },
  });
  if (!result.ok || result.document.kind !== 'SLO')
    throw new Error('invalid bench SLO');
  return result.document as SloDocument;
}
