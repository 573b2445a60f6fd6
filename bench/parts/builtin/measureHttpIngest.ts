import catalogPlugin from '@backstage/plugin-catalog-backend';
import sloPlugin from '@triad/plugin-slo-backend';
import { startBenchBackend } from '../../lib/backend';
import { fmt, log } from '../../lib/report';
import { now } from '../../lib/util';
import { Bench } from './Bench';
import { BATCH, MINUTE, series } from './fixtures';

/** Through the HTTP endpoint of a real backend (PostgreSQL). */
export async function measureHttpIngest({
  quick,
  out,
  section,
  endMinute,
}: Bench) {
  log('POST /api/slo/v1/samples');
  const backend = await startBenchBackend({
    dbPrefix: 'triad_bench_ingest_http_',
    features: [catalogPlugin, sloPlugin],
    config: {
      catalog: { processingInterval: { hours: 12 } },
    },
  });
  try {
    const all = series('bench/http', endMinute);
    const batches = quick ? 4 : all.length / BATCH;
    let ms = 0;
    let sent = 0;
    for (let i = 0; i < batches; i++) {
      const batch = all.slice(i * BATCH, (i + 1) * BATCH).map(s => ({
        series: s.series,
        timestamp: new Date(s.minute * MINUTE).toISOString(),
        good: s.good,
        total: s.total,
      }));
      if (!batch.length) break;
      const body = JSON.stringify({ samples: batch });
      const t = now();
      const res = await fetch(`${backend.baseUrl}/api/slo/v1/samples`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${backend.token}`,
          'Content-Type': 'application/json',
        },
        body,
      });
      await res.text();
      ms += now() - t;
      if (res.status !== 202) throw new Error(`ingest answered ${res.status}`);
      sent += batch.length;
    }
    out.row({
      section,
      metric: `POST /v1/samples on PostgreSQL, ${fmt.int(BATCH)} per request`,
      value: `${fmt.int(sent / (ms / 1000))} samples/s (${fmt.int(
        sent,
      )} samples, ${fmt.ms(ms / Math.ceil(sent / BATCH))} per request)`,
    });
  } finally {
    await backend.stop();
  }
}
