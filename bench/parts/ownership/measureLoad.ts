import { fmt, log } from '../../lib/report';
import { loadSteps } from '../../lib/runClient';
import { Bench } from './Bench';

/** The entity answer at rising concurrency. */
export async function measureLoad(bench: Bench) {
  log('ownership endpoint under load');
  const load = await loadSteps({
    urls: bench.entityUrls,
    token: bench.backend.token,
    concurrencies: [1, 8, 32],
    maxRequests: bench.quick ? 500 : 2000,
    maxMs: bench.quick ? 10_000 : 20_000,
  });
  bench.out.raw.load = load;
  for (const l of load) {
    bench.out.row({
      section: 'HTTP under load (loopback)',
      metric: `ownership GET /v1/entities/component/…, concurrency ${l.concurrency}`,
      value: `${fmt.p(l)}, ${l.errors} errors, ${fmt.int(
        l.throughput,
      )} req/s (${l.n} requests)`,
    });
  }
}
