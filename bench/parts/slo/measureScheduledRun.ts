import { fmt, log } from '../../lib/report';
import { memorySampler, now, sleep, summary } from '../../lib/util';
import { Bench } from './Bench';

/** The scheduled evaluation of every SLO: time, queries, peak memory. */
export async function measureScheduledRun(bench: Bench) {
  const { out, section, recorder } = bench;
  log('scheduled evaluation of all 1,000 SLOs');
  global.gc?.();
  await sleep(500);
  recorder.reset();
  const sampler = memorySampler(25);
  const started = now();
  await bench.backend.services('slo').scheduler.triggerTask('slo-evaluate-all');
  const allMs = now() - started;
  const mem = sampler.stop();
  const fleet = await bench.get('/slos?limit=1');
  const calls = recorder.calls();
  out.raw.evaluateAll = {
    allMs,
    mem,
    roundTrips: calls.length,
    promMs: summary(calls.map(c => c.ms)),
    fleet: fleet.totalItems,
  };
  out.row({
    section,
    metric: `scheduled evaluation of all ${fleet.totalItems} SLOs (concurrency 8)`,
    value: `${fmt.ms(allMs)}, ${calls.length} Prometheus queries (p50 ${fmt.ms(
      summary(calls.map(c => c.ms)).p50,
    )} each)`,
    goal: '< 60 s',
    met: allMs < 60_000 && fleet.totalItems >= 1000,
  });
  out.row({
    section,
    metric: 'scheduled evaluation: peak memory of the backend process',
    value: `heap +${fmt.mib(mem.peakHeap - mem.baseHeap)} (peak ${fmt.mib(
      mem.peakHeap,
    )}), RSS +${fmt.mib(mem.peakRss - mem.baseRss)} (peak ${fmt.mib(
      mem.peakRss,
    )})`,
  });
}
