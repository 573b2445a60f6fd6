import { freePort } from '@triad/plugin-slo-backend-module-prometheus/testUtils';
import { ChildProcess, spawn } from 'child_process';
import { mkdtemp, rm } from 'fs/promises';
import { connect } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { exited, startServer } from './children';

/**
 * A Redis server of the suite's own on a free port, without persistence, that
 * a scenario may freeze, stop and start: the shared one is never touched.
 */
export interface PrivateRedis {
  url: string;
  /** SIGSTOP: the server keeps its connections but answers nothing. */
  freeze(): void;
  /** SIGCONT after freeze. */
  thaw(): void;
  /** Stops the server (SIGTERM); its connections close. */
  stop(): Promise<void>;
  /** Starts an empty server on the same port; resolves once it answers PING. */
  start(): Promise<number>;
  /** One command, answered with the first line of the reply (e.g. `:3` for DBSIZE). */
  command(...args: string[]): Promise<string>;
  destroy(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'triad-reliability-redis-'));
  let child: ChildProcess | undefined;

  const command = (...args: string[]) => redisCommand(port, args);

  const start = async () => {
    const server = await startServer({
      name: 'private Redis',
      spawn: () => spawnRedis(port, dir),
      ready: () =>
        command('PING').then(
          reply => reply === '+PONG',
          () => false, // not listening yet
        ),
      timeoutMs: 30_000,
    });
    child = server.child;
    return server.startMs;
  };
  const running = () =>
    child && child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (running()) {
      child!.kill('SIGCONT');
      child!.kill('SIGTERM');
      await exited(child!);
    }
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    freeze: () => void (running() && child!.kill('SIGSTOP')),
    thaw: () => void (running() && child!.kill('SIGCONT')),
    stop,
    start,
    command,
    async destroy() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Sends one command over a new connection; resolves with the first line of the reply. */
function redisCommand(port: number, args: string[]): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(2_000, () => {
      socket.destroy();
      reject(new Error(`redis ${args[0]}: no answer within 2 s`));
    });
    socket.on('error', reject);
    socket.on('connect', () =>
      socket.write(
        `*${args.length}\r\n${args
          .map(a => `$${Buffer.byteLength(a)}\r\n${a}\r\n`)
          .join('')}`,
      ),
    );
    let reply = '';
    socket.on('data', chunk => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) {
        socket.destroy();
        resolve(reply.split('\r\n')[0]);
      }
    });
  });
}

/** redis-server on loopback without persistence, its files in `dir`. */
function spawnRedis(port: number, dir: string): ChildProcess {
  return spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}
