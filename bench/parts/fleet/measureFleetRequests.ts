import { log } from '../../lib/report';
import { runClient } from '../../lib/runClient';
import { summary } from '../../lib/util';
import { callers, FleetBench } from './FleetBench';
import { FIRST_PAGE, fleetQueries } from './fleetQueries';

export interface LatencyFigures {
  caller: string;
  p50: number;
  p99: number;
  n: number;
  errors: number;
  /** For a set of requests, the one with the worst p99. */
  worst?: string;
}

/** One request after another from the client process; latencies of each URL. */
async function timeUrls(
  bench: FleetBench,
  paths: string[],
  token: string,
  perUrl: number,
  maxMs: number,
) {
  const r = await runClient<{
    latencies: number[];
    errors: number;
    byUrl: number[][];
  }>({
    type: 'load',
    urls: paths.map(p => `${bench.api}${p}`),
    headers: { Authorization: `Bearer ${token}` },
    concurrency: 1,
    maxRequests: paths.length * perUrl,
    maxMs,
    perUrl: true,
  });
  return r;
}

/**
 * The fleet page's first request, and every filter combination it can send
 * (the worst p99 of them), one at a time, for both callers.
 */
export async function measureFleetRequests(bench: FleetBench) {
  const firstPage: LatencyFigures[] = [];
  const filters: LatencyFigures[] = [];
  const queries = fleetQueries();
  for (const caller of callers(bench)) {
    log(`fleet requests as ${caller.name}`);
    // Warm up: connections, the catalog's and the database's caches.
    await timeUrls(bench, [FIRST_PAGE, ...queries], caller.token, 2, 60_000);
    const first = await timeUrls(
      bench,
      [FIRST_PAGE],
      caller.token,
      bench.quick ? 60 : 200,
      bench.quick ? 15_000 : 45_000,
    );
    firstPage.push({
      caller: caller.name,
      ...summary(first.latencies),
      errors: first.errors,
    });
    const each = await timeUrls(
      bench,
      queries,
      caller.token,
      bench.quick ? 12 : 40,
      bench.quick ? 30_000 : 90_000,
    );
    const per = each.byUrl.map((l, i) => ({ path: queries[i], ...summary(l) }));
    const worst = per.reduce((a, b) => (b.p99 > a.p99 ? b : a));
    log(
      `${caller.name}: ${per
        .map(p => `${p.path} p50 ${p.p50.toFixed(0)} p99 ${p.p99.toFixed(0)}`)
        .join('; ')}`,
    );
    filters.push({
      caller: caller.name,
      p50: worst.p50,
      p99: worst.p99,
      n: each.latencies.length,
      errors: each.errors,
      worst: worst.path,
    });
  }
  return { firstPage, filters };
}
