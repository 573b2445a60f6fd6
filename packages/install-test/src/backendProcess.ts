import { ChildProcess, spawn } from 'child_process';
import { createWriteStream, writeFileSync } from 'fs';
import { join } from 'path';
import { userEnv } from './shell';

/** Starts the app's backend (yarn start) on `port`, its own process group, output into `log`. */
export function startBackend(
  appDir: string,
  port: number,
  log: string,
): ChildProcess {
  const config = join(appDir, 'app-config.install-test.yaml');
  // Not a step of the guide: the port, so that the test never meets another
  // Backstage on :7007.
  writeFileSync(
    config,
    `backend:\n  baseUrl: http://localhost:${port}\n  listen:\n    port: ${port}\n`,
  );
  const out = createWriteStream(log, { flags: 'a' });
  const child = spawn(
    'yarn',
    ['start', '--config', join(appDir, 'app-config.yaml'), '--config', config],
    {
      cwd: join(appDir, 'packages/backend'),
      env: userEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  return child;
}

/** Stops the backend's process group: SIGTERM, SIGKILL after 15 s. */
export async function stopBackend(child: ChildProcess) {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise(r => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  }, 15_000);
  await exited;
  clearTimeout(timer);
}
