import { freePort } from '@triad/plugin-slo-backend-module-prometheus/testUtils';
import { ChildProcess, execFile, spawn } from 'child_process';
import { existsSync, rmSync } from 'fs';
import { mkdtemp, rm, writeFile } from 'fs/promises';
import { createServer, Server } from 'http';
import { tmpdir } from 'os';
import { delimiter, join } from 'path';
import { promisify } from 'util';
import { CartCounters, cartMetricsText, cartOpenMetrics } from './cartTraffic';

const MINUTE = 60_000;
/** Days of history back-filled: a 28-day window and one day before it. */
export const HISTORY_DAYS = 29;

/** Debian's prometheus and promtool, or the first on PATH; undefined without them. */
export function findPrometheus():
  | { prometheus: string; promtool: string }
  | undefined {
  const find = (name: string) =>
    [
      `/usr/bin/${name}`,
      ...(process.env.PATH ?? '').split(delimiter).map(d => join(d, name)),
    ].find(p => p && existsSync(p));
  const prometheus = find('prometheus');
  const promtool = find('promtool');
  return prometheus && promtool ? { prometheus, promtool } : undefined;
}

/** A Prometheus serving the example cart-service's traffic on loopback. */
export interface ExamplePrometheus {
  url: string;
  /** Samples back-filled, and how long the back-fill and the start took (ms). */
  samples: number;
  backfillMs: number;
  startupMs: number;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise(resolve => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  log: () => string,
) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`prometheus exited before it was ready:\n${log()}`);
    }
    const ready = await fetch(`${url}/-/ready`, {
      signal: AbortSignal.timeout(1_000),
    }).then(
      r => r.ok,
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline) {
      throw new Error(`prometheus was not ready within 30 s:\n${log()}`);
    }
    await new Promise(r => setTimeout(r, 200));
  }
}

/**
 * Back-fills the example traffic of the last {@link HISTORY_DAYS} days (one
 * sample a minute; promtool writes it as two large blocks, which takes well
 * under a second), serves the same counters for scraping from now on, and
 * starts Prometheus on a free loopback port over both.
 */
export async function startExamplePrometheus(binaries: {
  prometheus: string;
  promtool: string;
}): Promise<ExamplePrometheus> {
  const started = Date.now();
  const startMinute = Math.floor(started / MINUTE);
  const counters = new CartCounters(
    startMinute - HISTORY_DAYS * 1440,
    startMinute,
  );
  const dir = await mkdtemp(join(tmpdir(), 'triad-example-prometheus-'));
  let child: ChildProcess | undefined;
  let server: Server | undefined;
  // Also when the backend ends without running its shutdown hooks (killed
  // with its process group): no Prometheus and no data are left behind.
  const killOnExit = () => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const cleanUp = async () => {
    if (child) await stopChild(child);
    process.removeListener('exit', killOnExit);
    await new Promise(resolve =>
      server ? server.close(resolve) : resolve(undefined),
    );
    await rm(dir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);
  try {
    await writeFile(
      join(dir, 'history.om'),
      cartOpenMetrics(counters, counters.origin, startMinute),
    );
    await promisify(execFile)(
      binaries.promtool,
      [
        'tsdb',
        'create-blocks-from',
        'openmetrics',
        '--quiet',
        // Blocks of a month instead of 2 h: hundreds fewer files to write.
        '--max-block-duration=744h',
        join(dir, 'history.om'),
        join(dir, 'data'),
      ],
      { timeout: 120_000 },
    );
    const backfillMs = Date.now() - started;

    // The same counters, live: a scrape continues the back-filled series.
    server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
      res.end(cartMetricsText(counters.at(Math.floor(Date.now() / MINUTE))));
    });
    const metricsPort = await new Promise<number>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(0, '127.0.0.1', () =>
        resolve((server!.address() as { port: number }).port),
      );
    });
    await writeFile(
      join(dir, 'prometheus.yml'),
      [
        'global:',
        '  scrape_interval: 15s',
        'scrape_configs:',
        '  - job_name: cart-service',
        '    static_configs:',
        `      - targets: ['127.0.0.1:${metricsPort}']`,
        '    relabel_configs:',
        '      - target_label: instance',
        '        replacement: cart-service-1',
        '',
      ].join('\n'),
    );

    for (let attempt = 1; ; attempt++) {
      const url = `http://127.0.0.1:${await freePort()}`;
      let log = '';
      child = spawn(
        binaries.prometheus,
        [
          `--config.file=${join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${join(dir, 'data')}`,
          // Keep the back-filled month (the default keeps 15 days).
          '--storage.tsdb.retention.time=60d',
          `--web.listen-address=${url.slice('http://'.length)}`,
          '--log.level=warn',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const keep = (chunk: Buffer) => {
        log = (log + chunk.toString()).slice(-20_000);
      };
      child.stdout!.on('data', keep);
      child.stderr!.on('data', keep);
      try {
        await waitUntilReady(url, child, () => log);
      } catch (error) {
        await stopChild(child);
        if (attempt < 3 && /address already in use/.test(log)) continue;
        throw error;
      }
      return {
        url,
        samples: (startMinute - counters.origin + 1) * 5,
        backfillMs,
        startupMs: Date.now() - started,
        stop: cleanUp,
      };
    }
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
