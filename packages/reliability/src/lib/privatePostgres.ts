import { freePort } from '@triad/plugin-slo-backend-module-prometheus/testUtils';
import { ChildProcess, execFile, spawn } from 'child_process';
import { access, chown, mkdtemp, readdir, rm } from 'fs/promises';
import { constants } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import knexFactory from 'knex';
import { exited, startServer } from './children';
import { PostgresSettings } from './postgres';

const run = promisify(execFile);

/**
 * A PostgreSQL server of the suite's own, on a free port over a data folder
 * of its own, that a scenario may stop and start: the shared server is
 * never touched.
 */
export interface PrivatePostgres {
  settings: PostgresSettings;
  /** Fast shutdown, as `pg_ctl stop -m fast` (SIGINT): sessions are ended, the server exits. */
  stop(): Promise<void>;
  /** Starts the server again over the same data; resolves once it accepts queries, with how long that took. */
  start(): Promise<number>;
  /** Stops the server and removes its data. */
  destroy(): Promise<void>;
}

async function executable(path: string) {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The folder with `initdb` and `postgres`: `pg_config --bindir`, else Debian's newest /usr/lib/postgresql/<version>/bin. */
export async function postgresBinDir(): Promise<string> {
  const candidates: string[] = [];
  try {
    candidates.push((await run('pg_config', ['--bindir'])).stdout.trim());
  } catch {
    // no pg_config
  }
  try {
    const versions = (await readdir('/usr/lib/postgresql'))
      .filter(v => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map(v => `/usr/lib/postgresql/${v}/bin`));
  } catch {
    // not Debian's layout
  }
  for (const dir of candidates) {
    if (
      (await executable(join(dir, 'initdb'))) &&
      (await executable(join(dir, 'postgres')))
    ) {
      return dir;
    }
  }
  throw new Error(
    `no initdb and postgres found (looked in ${
      candidates.join(', ') || 'pg_config --bindir, /usr/lib/postgresql/*/bin'
    })`,
  );
}

/** PostgreSQL refuses to run as root: then it runs as the `postgres` user. */
async function serverUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const id = async (flag: string) =>
    Number((await run('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

/** Whether the server answers a query; quietly (knex logs failed connection attempts). */
async function acceptsQueries(settings: PostgresSettings): Promise<boolean> {
  const quiet = () => {};
  const db = knexFactory({
    client: 'pg',
    connection: { ...settings, database: 'postgres' },
    pool: { min: 0, max: 1 },
    log: { warn: quiet, error: quiet, debug: quiet, deprecate: quiet },
  });
  try {
    await db.raw('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await db.destroy();
  }
}

/** initdb into a temporary folder and start the server on a free port. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = await postgresBinDir();
  const user = await serverUser();
  const dir = await mkdtemp(join(tmpdir(), 'triad-reliability-pg-'));
  if (user) await chown(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  await run(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync'],
    { ...user, cwd: dir },
  );
  const port = await freePort();
  const settings: PostgresSettings = {
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password: '',
  };

  let child: ChildProcess | undefined;
  const start = async () => {
    // In the foreground, so that the suite's children bookkeeping ends it
    // whatever happens.
    const server = await startServer({
      name: 'private PostgreSQL',
      spawn: () =>
        spawn(
          join(bin, 'postgres'),
          [
            '-D',
            data,
            '-p',
            String(port),
            '-k',
            dir,
            '-c',
            'listen_addresses=127.0.0.1',
          ],
          { ...user, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
        ),
      ready: () => acceptsQueries(settings),
      timeoutMs: 60_000,
    });
    child = server.child;
    return server.startMs;
  };
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      await exited(child);
    }
  };

  await start();
  return {
    settings,
    start,
    stop,
    async destroy() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
