import { fmt, log } from '../../lib/report';
import { runClient } from '../../lib/runClient';
import { gc, memorySampler, sleep, summary } from '../../lib/util';
import { Bench } from './Bench';

export interface Pass {
  what: string;
  concurrency: number;
  calls: number;
  elapsedMs: number;
  p50: number;
  p99: number;
  errors: number;
  catalogRequestsPerCall: number;
  heapDelta: number;
  peakHeap: number;
}

/**
 * Every URL once from the client process at `concurrency`, with the
 * evaluation cache expired first: total time, latency per call, catalog
 * requests per call (counted by the root HTTP router) and the backend
 * process's peak heap.
 */
export async function measurePass(
  bench: Bench,
  what: string,
  urls: string[],
  concurrency: number,
): Promise<Pass> {
  const { backend, out, section } = bench;
  log(`${what}: ${urls.length} calls at concurrency ${concurrency}`);
  await sleep(bench.cacheTtlMs + 1000);
  gc();
  backend.resetCatalogRequests();
  const sampler = memorySampler(25);
  const r = await runClient({
    type: 'load',
    urls,
    headers: { Authorization: `Bearer ${backend.token}` },
    concurrency,
    maxRequests: urls.length,
    maxMs: 30 * 60_000,
  });
  const mem = sampler.stop();
  const s = summary(r.latencies);
  const pass: Pass = {
    what,
    concurrency,
    calls: s.n,
    elapsedMs: r.elapsedMs,
    p50: s.p50,
    p99: s.p99,
    errors: r.errors,
    catalogRequestsPerCall: backend.catalogRequests() / s.n,
    heapDelta: mem.peakHeap - mem.baseHeap,
    peakHeap: mem.peakHeap,
  };
  if (r.errors) log(`  statuses: ${JSON.stringify(r.statuses)}`);
  out.row({
    section,
    metric: `${what}, concurrency ${concurrency}`,
    value: `${fmt.ms(pass.elapsedMs)} for ${fmt.int(pass.calls)} calls (${fmt.p(
      pass,
    )} per call), ${pass.catalogRequestsPerCall.toFixed(
      1,
    )} catalog requests per call, ${pass.errors} errors, heap +${fmt.mib(
      pass.heapDelta,
    )} (peak ${fmt.mib(pass.peakHeap)})`,
  });
  return pass;
}
