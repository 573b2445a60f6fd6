import { sleep } from './children';
import { PostgresSettings, withDatabase } from './postgres';
import { MINUTE } from './scenario';

export interface Sample {
  series: string;
  timestamp: number;
  good: number;
  total: number;
}

export type Values = { good: number; total: number };

/** A sample's row key in `slo_samples`: its series and minute. */
export const sampleKey = (s: { series: string; timestamp: number }) =>
  `${s.series}@${s.timestamp / MINUTE}`;

/** Every sample of `batches`, by row key. */
export function samplesByKey(
  batches: Array<{ samples: Sample[] }>,
): Map<string, Values> {
  const out = new Map<string, Values>();
  for (const b of batches) {
    for (const s of b.samples) out.set(sampleKey(s), s);
  }
  return out;
}

/** What `slo_samples` holds of the series starting with `seriesPrefix`, by row key, and how many keys it holds twice. */
export async function storedSamples(
  database: string,
  seriesPrefix: string,
  server?: PostgresSettings,
): Promise<{ stored: Map<string, Values>; duplicates: number }> {
  const { rows, duplicates } = await withDatabase(
    database,
    async db => ({
      rows: await db('slo_samples')
        .select('series', 'minute', 'good', 'total')
        .where('series', 'like', `${seriesPrefix}%`),
      duplicates: (
        await db('slo_samples')
          .select('series', 'minute')
          .where('series', 'like', `${seriesPrefix}%`)
          .groupBy('series', 'minute')
          .havingRaw('count(*) > 1')
      ).length,
    }),
    server,
  );
  const stored = new Map<string, Values>();
  for (const r of rows) {
    stored.set(`${r.series}@${Number(r.minute)}`, {
      good: Number(r.good),
      total: Number(r.total),
    });
  }
  return { stored, duplicates };
}

/** Expected samples absent from `stored`, and those stored with other values. */
export function compareSamples(
  expected: Map<string, Values>,
  stored: Map<string, Values>,
): { missing: number; wrong: number } {
  let missing = 0;
  let wrong = 0;
  for (const [key, s] of expected) {
    const got = stored.get(key);
    if (!got) missing++;
    else if (got.good !== s.good || got.total !== s.total) wrong++;
  }
  return { missing, wrong };
}

/** Waits for pushing clients that were told to stop; they finish their batch first. */
export async function clientsFinished(clients: Array<Promise<void>>) {
  await Promise.race([
    Promise.all(clients),
    sleep(30_000).then(() => {
      throw new Error('clients did not finish within 30 s');
    }),
  ]);
}

/** Three hours of traffic for slo-builtin up to the last complete minute, with an error minute every half hour. */
export function threeHoursOfTraffic(): Sample[] {
  const last = Math.floor(Date.now() / MINUTE) - 1;
  return Array.from({ length: 180 }, (_, i) => ({
    series: 'builtin/requests',
    timestamp: (last - 179 + i) * MINUTE,
    good: i % 30 === 0 ? 990 : 1000,
    total: 1000,
  }));
}
