import { spawn } from 'child_process';
import { chmodSync, createWriteStream, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ROOT, WORK } from './paths';

/** The environment of a user's shell: none of this repository's Yarn run. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_(package|lifecycle|config_user_agent)|YARN_|BERRY_)/.test(key))
      continue;
    if (['PROJECT_CWD', 'INIT_CWD', 'NODE_OPTIONS'].includes(key)) continue;
    env[key] = value;
  }
  env.PATH = `${join(WORK, 'bin')}:${env.PATH}`;
  env.YARN_ENABLE_TELEMETRY = '0';
  // A user's install may write its lockfile; Yarn forbids that when CI is set.
  delete env.CI;
  env.YARN_ENABLE_IMMUTABLE_INSTALLS = 'false';
  return { ...env, ...extra };
}

/** Runs a command, its output into `log`; throws with the output's end when it fails. */
export function sh(
  cmd: string,
  args: string[],
  options: { cwd: string; log: string; env?: NodeJS.ProcessEnv },
): Promise<void> {
  return new Promise((ok, fail) => {
    const out = createWriteStream(options.log, { flags: 'a' });
    out.write(`\n$ ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, {
      cwd: options.cwd,
      env: options.env ?? userEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const keep = (d: Buffer) => {
      out.write(d);
      tail = (tail + d.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', fail);
    child.on('close', code => {
      out.end();
      if (code === 0) ok();
      else
        fail(
          new Error(
            `${cmd} ${args.join(' ')} exited with ${code}:\n${tail
              .split('\n')
              .slice(-25)
              .join('\n')}`,
          ),
        );
    });
  });
}

/** The repository's Yarn as `yarn` on the PATH of userEnv, as a user's install would have one. */
export function writeYarnShim() {
  const bin = join(WORK, 'bin');
  mkdirSync(bin, { recursive: true });
  const shim = join(bin, 'yarn');
  writeFileSync(
    shim,
    `#!/bin/sh\nexec node "${join(
      ROOT,
      '.yarn/releases/yarn-4.13.0.cjs',
    )}" "$@"\n`,
  );
  chmodSync(shim, 0o755);
}
