import { ChildProcess, execFile, spawn } from 'child_process';
import { rmSync } from 'fs';
import { mkdtemp, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { freePort } from './freePort';

/** Options of {@link launchPrometheus}. */
export interface LaunchPrometheusOptions {
  /** Paths of the `prometheus` and `promtool` binaries. */
  prometheus: string;
  promtool: string;
  /** OpenMetrics text ending in `# EOF`, timestamps in seconds, all past. */
  openMetrics: string;
  /** The content of `prometheus.yml`. */
  config: string;
  /** `--storage.tsdb.retention.time`: long enough to keep the back-fill. */
  retention: string;
  /** How long `promtool` may take to back-fill. */
  backfillTimeoutMs: number;
  /** More arguments for `promtool tsdb create-blocks-from openmetrics`. */
  promtoolArgs?: string[];
  /** More arguments for `prometheus`. */
  prometheusArgs?: string[];
}

/** A Prometheus launched by {@link launchPrometheus}. */
export interface LaunchedPrometheus {
  url: string;
  /** How long the back-fill, and the back-fill and start, took, in ms. */
  backfillMs: number;
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

/** Writes the OpenMetrics text as TSDB blocks into `<dir>/data`. */
async function backfill(dir: string, options: LaunchPrometheusOptions) {
  await writeFile(join(dir, 'data.om'), options.openMetrics);
  await promisify(execFile)(
    options.promtool,
    [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      '--quiet',
      ...(options.promtoolArgs ?? []),
      join(dir, 'data.om'),
      join(dir, 'data'),
    ],
    { timeout: options.backfillTimeoutMs },
  );
}

/**
 * Starts Prometheus over `<dir>/data` on a free loopback port and waits until
 * it is ready. Another process may take the free port before Prometheus binds
 * it: then it tries another, up to three times.
 */
async function serve(
  dir: string,
  options: LaunchPrometheusOptions,
  started: (child: ChildProcess) => void,
): Promise<string> {
  await writeFile(join(dir, 'prometheus.yml'), options.config);
  for (let attempt = 1; ; attempt++) {
    const url = `http://127.0.0.1:${await freePort()}`;
    let log = '';
    const child = spawn(
      options.prometheus,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--storage.tsdb.retention.time=${options.retention}`,
        `--web.listen-address=${url.slice('http://'.length)}`,
        ...(options.prometheusArgs ?? []),
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    started(child);
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    try {
      await waitUntilReady(url, child, () => log);
      return url;
    } catch (error) {
      await stopChild(child);
      if (attempt < 3 && /address already in use/.test(log)) continue;
      throw error;
    }
  }
}

/**
 * Back-fills OpenMetrics text into a fresh TSDB with `promtool`, then starts
 * Prometheus on it on a free loopback port. Whatever way the process ends, no
 * Prometheus and no data are left behind.
 */
export async function launchPrometheus(
  options: LaunchPrometheusOptions,
): Promise<LaunchedPrometheus> {
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'triad-prometheus-'));
  let child: ChildProcess | undefined;
  // Also when the process ends without stopping it (e.g. killed with its
  // process group, or a test run that exits early).
  const killOnExit = () => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const stop = async () => {
    if (child) await stopChild(child);
    process.removeListener('exit', killOnExit);
    await rm(dir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);
  try {
    await backfill(dir, options);
    const backfillMs = Date.now() - started;
    const url = await serve(dir, options, c => {
      child = c;
    });
    return { url, backfillMs, startupMs: Date.now() - started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
