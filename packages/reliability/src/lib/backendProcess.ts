import { freePort } from '@triad/plugin-slo-backend-module-prometheus/testUtils';
import { ChildProcess, spawn } from 'child_process';
import { createWriteStream } from 'fs';
import { mkdir, mkdtemp, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { reliabilityPath } from './paths';
import { stringify } from 'yaml';
import { exited, sleep, track } from './children';

/** One line of the backend's JSON log. */
export interface LogLine {
  /** When the suite read it (epoch ms). */
  at: number;
  level?: string;
  message: string;
  plugin?: string;
  [key: string]: unknown;
}

export interface BackendProcess {
  name: string;
  url: string;
  pid: number;
  logs: LogLine[];
  /** How long the start took until the backend was ready, in ms. */
  startupMs: number;
  alive(): boolean;
  /** Sends a signal and waits for the process to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Stops gracefully (SIGTERM), SIGKILL after 10 s, and removes its files. */
  stop(): Promise<void>;
  /** Log lines matching a pattern. */
  grep(pattern: RegExp): LogLine[];
  /** The last lines of output, for failure messages. */
  tail(lines?: number): string;
}

const MAIN = reliabilityPath('src/backend/main.ts');
const TRANSFORM = require.resolve('@backstage/cli/config/nodeTransform.cjs');
/** Debian's libfaketime (package libfaketime, which faketime depends on). */
export const FAKETIME_LIBRARY =
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

/** Options of `startBackend`. */
export interface BackendOptions {
  name: string;
  config: object;
  /** Reuse a port, e.g. to restart "the same" backend after a crash. */
  port?: number;
  readyTimeoutMs?: number;
  /** Runs the backend with its wall clock moved by this much (Debian's faketime). */
  clockOffsetSeconds?: number;
  /** More environment variables for the process. */
  env?: Record<string, string>;
}

/**
 * Starts the suite's backend (src/backend/main.ts) as a child process with the
 * given configuration on top of a listen address it picks, and waits until it
 * reports ready. The process is killed if the suite ends first.
 */
export async function startBackend(
  options: BackendOptions,
): Promise<BackendProcess> {
  const started = Date.now();
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const dir = await mkdtemp(
    join(tmpdir(), `triad-reliability-${options.name}-`),
  );
  const configFile = join(dir, 'app-config.yaml');
  await writeFile(
    configFile,
    stringify({
      ...options.config,
      backend: {
        ...(options.config as { backend?: object }).backend,
        baseUrl: url,
        listen: { host: '127.0.0.1', port },
      },
    }),
  );
  const child = spawnBackend(configFile, options);
  await keepLogs(child, options.name);
  const { logs, tail } = readOutput(child);
  const alive = () => child.exitCode === null && child.signalCode === null;
  try {
    await waitUntilReady(
      url,
      alive,
      started + (options.readyTimeoutMs ?? 120_000),
    );
  } catch (error) {
    child.kill('SIGKILL');
    await exited(child);
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `backend ${options.name} ${(error as Error).message}:\n${tail()}`,
    );
  }

  return {
    name: options.name,
    url,
    pid: child.pid!,
    logs,
    startupMs: Date.now() - started,
    alive,
    async kill(signal) {
      if (alive()) child.kill(signal);
      await exited(child);
    },
    async stop() {
      if (alive()) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited(child);
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
    grep: pattern => logs.filter(l => pattern.test(l.message)),
    tail,
  };
}

function spawnBackend(
  configFile: string,
  { clockOffsetSeconds: offset, env }: BackendOptions,
): ChildProcess {
  return track(
    spawn(
      process.execPath,
      ['--require', TRANSFORM, MAIN, '--config', configFile],
      {
        cwd: reliabilityPath(),
        env: {
          ...process.env,
          NODE_ENV: 'production',
          LOG_LEVEL: 'info',
          // Debian's libfaketime, preloaded into this process (the faketime
          // command would run it as a child of its own, which a kill of its
          // pid leaves behind); timers and durations keep the real clock.
          ...(offset !== undefined && {
            LD_PRELOAD: FAKETIME_LIBRARY,
            FAKETIME: `${offset >= 0 ? '+' : ''}${offset}s`,
            FAKETIME_DONT_FAKE_MONOTONIC: '1',
          }),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ),
  );
}

/** TRIAD_RELIABILITY_LOGS=<folder> keeps every backend's full output there. */
async function keepLogs(child: ChildProcess, name: string) {
  const logDir = process.env.TRIAD_RELIABILITY_LOGS;
  if (logDir) {
    await mkdir(logDir, { recursive: true });
    const file = createWriteStream(join(logDir, `${name}-${child.pid}.log`));
    child.stdout!.pipe(file);
    child.stderr!.pipe(file);
  }
}

/** The child's JSON log lines as they come, and the tail of all its output. */
function readOutput(child: ChildProcess) {
  const logs: LogLine[] = [];
  let output = '';
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      output = `${output}${line}\n`.slice(-200_000);
      try {
        const parsed = JSON.parse(line);
        logs.push({
          ...parsed,
          at: Date.now(),
          message: String(parsed.message),
        });
      } catch {
        logs.push({ at: Date.now(), message: line });
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  });
  const tail = (n = 40) => output.split('\n').slice(-n).join('\n');
  return { logs, tail };
}

/** Polls the readiness endpoint; throws (with the end of the message) when the process exits or the deadline passes. */
async function waitUntilReady(
  url: string,
  alive: () => boolean,
  deadline: number,
) {
  for (;;) {
    if (!alive()) throw new Error('exited before it was ready');
    try {
      const res = await fetch(`${url}/.backstage/health/v1/readiness`, {
        signal: AbortSignal.timeout(2_000),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('was not ready in time');
    await sleep(200);
  }
}
