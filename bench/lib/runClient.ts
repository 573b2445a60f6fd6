import { spawn } from 'child_process';
import { resolve } from 'path';
import { summary } from './util';

const CLIENT = resolve(__dirname, 'client.js');

/** Runs a job of bench/lib/client.js in its own process; answers its JSON. */
export function runClient<T = any>(job: Record<string, unknown>): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLIENT], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end(JSON.stringify(job));
    let out = '';
    let err = '';
    child.stdout.on('data', c => {
      out += c;
    });
    child.stderr.on('data', c => {
      err += c;
    });
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    child.on('exit', code => {
      process.removeListener('exit', kill);
      if (code !== 0) {
        reject(new Error(`client ${job.type} failed (${code}): ${err}`));
        return;
      }
      try {
        resolvePromise(JSON.parse(out.trim().split('\n').pop()!));
      } catch (e) {
        reject(new Error(`client ${job.type} answered ${out}: ${e}`));
      }
    });
  });
}

export interface LoadResult {
  concurrency: number;
  n: number;
  p50: number;
  p99: number;
  errors: number;
  throughput: number;
  elapsedMs: number;
}

/**
 * Load at each concurrency, bounded by count and time per step; answers
 * p50/p99 latency (ms), errors and requests per second.
 */
export async function loadSteps(options: {
  urls: string[];
  token: string;
  concurrencies: number[];
  maxRequests: number;
  maxMs: number;
}): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const concurrency of options.concurrencies) {
    const r = await runClient({
      type: 'load',
      urls: options.urls,
      headers: { Authorization: `Bearer ${options.token}` },
      concurrency,
      maxRequests: options.maxRequests,
      maxMs: options.maxMs,
    });
    const s = summary(r.latencies);
    results.push({
      concurrency,
      n: s.n,
      p50: s.p50,
      p99: s.p99,
      errors: r.errors,
      throughput: r.throughput,
      elapsedMs: r.elapsedMs,
    });
  }
  return results;
}
