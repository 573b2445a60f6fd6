import { startPrometheus } from '@triad/plugin-slo-backend-module-prometheus/testUtils';
import { poll } from '@triad/test-utils';
import { requestCounters } from './generateSlos';
import { fmt, log, partResult } from './report';

const MINUTE = 60_000;

/** Prometheus (Debian's) over 28 days of per-minute data, back-filled with promtool. */
export async function startBenchPrometheus(
  out: ReturnType<typeof partResult>,
  section: string,
  services: number,
) {
  const endMs = Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE;
  const data = requestCounters(services, 28, endMs);
  log(
    `back-filling ${fmt.int(data.samples)} samples (28 days, per minute, ${
      services * 2
    } series) with promtool`,
  );
  // promtool writes one block per 2 hours (336 for 28 days): minutes here.
  const prometheus = await startPrometheus(data.openMetrics, {
    backfillTimeoutMs: 10 * MINUTE,
  });
  out.row({
    section,
    metric: 'Prometheus back-fill and start (promtool, one-off set-up)',
    value: `${fmt.ms(prometheus.startupMs)} for ${fmt.int(
      data.samples,
    )} samples`,
  });
  return prometheus;
}

/** Prometheus compacts the back-filled 2-hour blocks about a minute after start. */
export async function waitForCompaction(url: string, timeoutMs: number) {
  const metric = (name: string) => prometheusMetric(url, name);
  let last = NaN;
  let stableSince = 0;
  return poll(
    'Prometheus to compact the back-filled blocks',
    async () => {
      const compactions = await metric('prometheus_tsdb_compactions_total');
      const blocks = await metric('prometheus_tsdb_blocks_loaded');
      if (blocks !== last) {
        last = blocks;
        stableSince = Date.now();
        return undefined;
      }
      return compactions > 0 && Date.now() - stableSince > 10_000
        ? blocks
        : undefined;
    },
    timeoutMs,
    2_000,
  );
}

/** A metric without labels from Prometheus's own /metrics, e.g. its CPU seconds. */
export async function prometheusMetric(
  url: string,
  name: string,
): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
}
