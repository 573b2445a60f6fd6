import { prometheusMetric } from '../../lib/benchPrometheus';
import { log } from '../../lib/report';
import { memorySampler, sleep, summary } from '../../lib/util';
import { FleetBench } from './FleetBench';

export interface EvaluationFigures {
  slos: number;
  ms: number;
  queries: number;
  /** Prometheus's answer time per query, p50/p99, and their sum. */
  promP50: number;
  promP99: number;
  promSumMs: number;
  /** CPU time over the run: the backend's process and Prometheus's. */
  backendCpuMs: number;
  promCpuMs: number;
  baseHeap: number;
  peakHeap: number;
  baseRss: number;
  peakRss: number;
  /** Heap after garbage collection, after the run: what the run left behind. */
  afterGcHeap: number;
}

/**
 * The scheduled evaluation of every SLO (`slo-evaluate-all`, triggered
 * through the scheduler): duration, Prometheus queries and their time, CPU
 * of the backend and of Prometheus, peak heap and RSS of the backend.
 */
export async function measureEvaluation(
  bench: FleetBench,
  slos: number,
): Promise<EvaluationFigures> {
  const { recorder, prometheusUrl } = bench;
  log(`scheduled evaluation of all ${slos} SLOs`);
  // The base after collection, so the peak and what remains compare with it.
  global.gc?.();
  await sleep(500);
  recorder.reset();
  const promCpu0 = await prometheusMetric(
    prometheusUrl,
    'process_cpu_seconds_total',
  );
  const cpu0 = process.cpuUsage();
  const sampler = memorySampler(25);
  const started = performance.now();
  await bench.backend.services('slo').scheduler.triggerTask('slo-evaluate-all');
  const ms = performance.now() - started;
  const mem = sampler.stop();
  const cpu = process.cpuUsage(cpu0);
  const promCpu1 = await prometheusMetric(
    prometheusUrl,
    'process_cpu_seconds_total',
  );
  const times = recorder.calls().map(c => c.ms);
  recorder.reset();
  global.gc?.();
  const afterGcHeap = process.memoryUsage().heapUsed;
  const prom = summary(times);
  const figures = {
    slos,
    ms,
    queries: times.length,
    promP50: prom.p50,
    promP99: prom.p99,
    promSumMs: times.reduce((a, b) => a + b, 0),
    backendCpuMs: (cpu.user + cpu.system) / 1000,
    promCpuMs: (promCpu1 - promCpu0) * 1000,
    ...mem,
    afterGcHeap,
  };
  log(`evaluation: ${JSON.stringify(figures)}`);
  return figures;
}
