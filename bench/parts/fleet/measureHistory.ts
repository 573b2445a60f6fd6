import { log } from '../../lib/report';
import { runClient } from '../../lib/runClient';
import { summary } from '../../lib/util';
import { callers, FleetBench } from './FleetBench';
import { LatencyFigures } from './measureFleetRequests';

const DAY = 86_400_000;

/** GET …/history over the last 90 days of one SLO, one at a time, for both callers. */
export async function measureHistory(
  bench: FleetBench,
  sloName: string,
  endMs: number,
  snapshots: number,
): Promise<LatencyFigures[]> {
  const range = new URLSearchParams({
    from: new Date(endMs - 90 * DAY).toISOString(),
    to: new Date(endMs + 60_000).toISOString(),
  });
  const path = `/slos/default/${sloName}/history?${range}`;
  const points = (await bench.get(path)).points.length;
  const figures: LatencyFigures[] = [];
  for (const caller of callers(bench)) {
    log(`90-day history as ${caller.name} (${points} points)`);
    const r = await runClient({
      type: 'load',
      urls: [`${bench.api}${path}`],
      headers: { Authorization: `Bearer ${caller.token}` },
      concurrency: 1,
      maxRequests: bench.quick ? 60 : 200,
      maxMs: bench.quick ? 15_000 : 40_000,
    });
    figures.push({
      caller: caller.name,
      ...summary(r.latencies),
      errors: r.errors,
      worst: `${snapshots} snapshots, ${points} points drawn`,
    });
  }
  return figures;
}
