import { ChildProcess, execFile, spawn } from 'child_process';
import { existsSync } from 'fs';
import { mkdtemp, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { freePort } from './freePort';

/** Options of {@link startPrometheus}. */
export interface StartPrometheusOptions {
  /** Where the binaries are: Debian's `prometheus` package by default. */
  prometheus?: string;
  promtool?: string;
  /** How long `promtool` may take to back-fill; 60 s by default. */
  backfillTimeoutMs?: number;
}

/** A Prometheus serving back-filled data on loopback. */
export interface RunningPrometheus {
  url: string;
  /** How long back-fill and start took, in ms. */
  startupMs: number;
  /** Stops the server (SIGTERM, then SIGKILL) and deletes its data. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise(resolve => child.once('exit', () => resolve()));
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited(child);
  clearTimeout(timer);
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`prometheus exited before it was ready:\n${log()}`);
    }
    try {
      const res = await fetch(`${url}/-/ready`, {
        signal: AbortSignal.timeout(1_000),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`prometheus was not ready within 30 s:\n${log()}`);
    }
    await new Promise(r => setTimeout(r, 100));
  }
}

/**
 * Back-fills `openMetrics` (OpenMetrics text ending in `# EOF`, timestamps
 * in seconds, all in the past) into a fresh TSDB with `promtool`, then
 * starts Debian's Prometheus on it, on a free loopback port, with no scrape
 * targets. Fails, never skips, when Prometheus is not installed.
 */
export async function startPrometheus(
  openMetrics: string,
  options: StartPrometheusOptions = {},
): Promise<RunningPrometheus> {
  const PROMETHEUS = options.prometheus ?? '/usr/bin/prometheus';
  const PROMTOOL = options.promtool ?? '/usr/bin/promtool';
  for (const bin of [PROMETHEUS, PROMTOOL]) {
    if (!existsSync(bin)) {
      throw new Error(
        `${bin} is missing: the Prometheus integration tests need Debian's prometheus package ` +
          `(apt-get install prometheus; .ci/run installs it)`,
      );
    }
  }
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'triad-prometheus-'));
  const dataDir = join(dir, 'data');
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill('SIGKILL');
  try {
    await writeFile(join(dir, 'data.om'), openMetrics);
    await promisify(execFile)(
      PROMTOOL,
      [
        'tsdb',
        'create-blocks-from',
        'openmetrics',
        '--quiet',
        join(dir, 'data.om'),
        dataDir,
      ],
      { timeout: options.backfillTimeoutMs ?? 60_000 },
    );
    await writeFile(join(dir, 'prometheus.yml'), 'scrape_configs: []\n');

    process.once('exit', killOnExit);
    // Another process may take the free port before Prometheus binds it.
    for (let attempt = 1; ; attempt++) {
      const url = `http://127.0.0.1:${await freePort()}`;
      let log = '';
      child = spawn(
        PROMETHEUS,
        [
          `--config.file=${join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${dataDir}`,
          '--storage.tsdb.retention.time=400d',
          `--web.listen-address=${url.slice('http://'.length)}`,
          '--web.enable-lifecycle',
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
      const running = child;
      return {
        url,
        startupMs: Date.now() - started,
        async stop() {
          await stopChild(running);
          process.removeListener('exit', killOnExit);
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
  } catch (error) {
    if (child) await stopChild(child);
    process.removeListener('exit', killOnExit);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
