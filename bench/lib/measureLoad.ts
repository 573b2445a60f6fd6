import { BenchBackend } from './backend';
import { fmt, log, partResult } from './report';
import { loadSteps } from './runClient';

/** An endpoint at rising concurrency, a row for each step. */
export async function measureLoad(
  bench: {
    quick: boolean;
    out: ReturnType<typeof partResult>;
    backend: BenchBackend;
  },
  endpoint: {
    /** Whose endpoint, for the log: ownership, SLO. */
    plugin: string;
    /** The row's name of the endpoint, e.g. `SLO GET /v1/…`. */
    metric: string;
    urls: string[];
  },
) {
  log(`${endpoint.plugin} endpoint under load`);
  const load = await loadSteps({
    urls: endpoint.urls,
    token: bench.backend.token,
    concurrencies: [1, 8, 32],
    maxRequests: bench.quick ? 500 : 2000,
    maxMs: bench.quick ? 10_000 : 20_000,
  });
  bench.out.raw.load = load;
  for (const l of load) {
    bench.out.row({
      section: 'HTTP under load (loopback)',
      metric: `${endpoint.metric}, concurrency ${l.concurrency}`,
      value: `${fmt.p(l)}, ${l.errors} errors, ${fmt.int(
        l.throughput,
      )} req/s (${l.n} requests)`,
    });
  }
}
