/*
 * The install test: plays a user who adds Triad to a Backstage app of their
 * own by following docs/install.md. See ../README.md.
 */
import { ChildProcess, execFile, execFileSync, spawn } from 'child_process';
import {
  chmodSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'fs';
import { dirname, join, posix, resolve } from 'path';
import { parseDocument } from 'yaml';
import { applyDiff } from './applyDiff';
import { checkBackend } from './checkBackend';
import {
  FrontendSystem,
  GuideStep,
  guideInstallCommands,
  guideSteps,
} from './guideSteps';
import { startLocalRegistry } from './localRegistry';
import { mergeSeed } from './lockfileSeed';
import { mergeConfig } from './mergeConfig';
import { Report } from './report';

// The repository: this package is packages/install-test.
const ROOT = resolve(
  dirname(require.resolve('@triad/install-test/package.json')),
  '../..',
);
const WORK = join(ROOT, '.cache/install-test');
const GUIDE = join(ROOT, 'docs/install.md');
const SEED = join(ROOT, 'packages/install-test/seed.yarn.lock');
const PORTS: Record<FrontendSystem, number> = { new: 7117, legacy: 7127 };

/** The environment of a user's shell: none of this repository's Yarn run. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
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
function sh(
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

/** The pins: the repository's @backstage resolutions, and create-app's own pins for the rest. */
function pinBackstage(appDir: string) {
  const rootPins: Record<string, string> = JSON.parse(
    readFileSync(join(ROOT, 'package.json'), 'utf8'),
  ).resolutions;
  const pins: Record<string, string> = {};
  for (const [name, version] of Object.entries(rootPins)) {
    if (name.startsWith('@backstage/')) pins[name] = version;
  }
  for (const file of [
    'package.json',
    'packages/app/package.json',
    'packages/backend/package.json',
  ]) {
    const pkg = JSON.parse(readFileSync(join(appDir, file), 'utf8'));
    for (const deps of [pkg.dependencies, pkg.devDependencies]) {
      for (const [name, range] of Object.entries<string>(deps ?? {})) {
        if (name.startsWith('@backstage/') && !pins[name]) {
          pins[name] = range.replace(/^\^/, '');
        }
      }
    }
  }
  const file = join(appDir, 'package.json');
  const root = JSON.parse(readFileSync(file, 'utf8'));
  root.resolutions = { ...root.resolutions, ...pins };
  writeFileSync(file, `${JSON.stringify(root, null, 2)}\n`);
}

/** Points the @triad scope at the local registry, as a published release would be found. */
function useRegistry(appDir: string, registryUrl: string) {
  const file = join(appDir, '.yarnrc.yml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.setIn(['npmScopes', 'triad', 'npmRegistryServer'], registryUrl);
  doc.setIn(['unsafeHttpWhitelist'], ['localhost']);
  const approved = (doc.get('npmPreapprovedPackages') as any)?.toJSON?.() ?? [];
  doc.setIn(['npmPreapprovedPackages'], [...approved, '@triad/*']);
  writeFileSync(file, doc.toString());
}

function writeYarnShim() {
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

function stepsFor(steps: GuideStep[], system: FrontendSystem) {
  return steps.filter(s => s.kind !== 'edit' || !s.only || s.only === system);
}

async function applyStep(
  step: GuideStep,
  appDir: string,
  log: string,
  env: NodeJS.ProcessEnv,
) {
  const where = `docs/install.md:${step.line}`;
  try {
    if (step.kind === 'run') {
      await sh('bash', ['-euo', 'pipefail', '-c', step.code], {
        cwd: appDir,
        log,
        env,
      });
    } else if (step.kind === 'edit') {
      const file = join(appDir, step.file);
      if (!existsSync(file)) throw new Error(`${step.file} does not exist`);
      writeFileSync(file, applyDiff(readFileSync(file, 'utf8'), step.code));
    } else if (step.kind === 'config') {
      const file = join(appDir, 'app-config.yaml');
      writeFileSync(file, mergeConfig(readFileSync(file, 'utf8'), step.code));
    } else {
      const file = join(appDir, step.path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, step.code);
    }
  } catch (error) {
    throw new Error(`${where} (${step.kind}): ${(error as Error).message}`);
  }
}

function startBackend(appDir: string, port: number, log: string): ChildProcess {
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

async function stopBackend(child: ChildProcess) {
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

async function installApp(
  system: FrontendSystem,
  updateSeed: boolean,
  packs: string,
  steps: GuideStep[],
  registry: { url: string; packages: Map<string, Record<string, any>> },
  report: Report,
) {
  const appDir = join(WORK, system);
  const log = join(WORK, `${system}.log`);
  // npx keeps what it installed by name and version; archives packed from
  // changed sources keep their version, so each run starts npx's cache anew.
  const npmCache = join(WORK, `${system}.npm-cache`);
  for (const dir of [appDir, npmCache]) {
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(log, { force: true });
  const env = userEnv({
    // npx (the guide's CLI step) finds the @triad scope where yarn does.
    'npm_config_@triad:registry': registry.url,
    npm_config_cache: npmCache,
  });
  report.section(`${system} frontend system app (log: ${log})`);

  await report.timed('create-app 0.9.2, pinned to Backstage 1.55', async () => {
    await sh(
      'node',
      [
        require.resolve('@backstage/create-app/bin/backstage-create-app'),
        '--path',
        appDir,
        '--skip-install',
        ...(system === 'legacy' ? ['--legacy'] : []),
      ],
      {
        cwd: WORK,
        log,
        env: { ...env, BACKSTAGE_APP_NAME: `triad-${system}` },
      },
    );
    pinBackstage(appDir);
    useRegistry(appDir, registry.url);
    // As create-app does when it can fetch its seed: a yarn.lock to start
    // from, so that the install does not depend on what was published today.
    if (existsSync(SEED)) {
      writeFileSync(join(appDir, 'yarn.lock'), readFileSync(SEED));
    }
  });
  await report.timed('yarn install (the existing instance)', () =>
    sh('yarn', ['install'], { cwd: appDir, log, env }),
  );
  await forgetCachedTriadArchives(appDir, env);
  await report.timed('the steps of docs/install.md', async () => {
    for (const step of stepsFor(steps, system)) {
      if (step.kind === 'run' && step.withBackend) continue;
      await applyStep(step, appDir, log, env);
    }
  });
  checkInstalledArchives(appDir, registry.packages, packs, report);
  await report.timed('tsc with library checking (yarn tsc:full)', () =>
    sh('yarn', ['tsc:full'], { cwd: appDir, log, env }),
  );

  const backendLog = join(WORK, `${system}-backend.log`);
  rmSync(backendLog, { force: true });
  const started = Date.now();
  const backend = startBackend(appDir, PORTS[system], backendLog);
  try {
    await report.timed('backend: every Triad endpoint', () =>
      checkBackend({
        baseUrl: `http://localhost:${PORTS[system]}`,
        startedAt: started,
        backend,
        backendLog,
        report,
        runWithBackend: async (token: string) => {
          for (const step of stepsFor(steps, system)) {
            if (step.kind !== 'run' || !step.withBackend) continue;
            await applyStep(
              {
                ...step,
                code: step.code.replaceAll(
                  'http://localhost:7007',
                  `http://localhost:${PORTS[system]}`,
                ),
              },
              appDir,
              log,
              { ...env, TOKEN: token },
            );
          }
        },
      }),
    );
  } finally {
    await stopBackend(backend);
  }
  await report.timed('frontend build (yarn --cwd packages/app build)', () =>
    sh('yarn', ['--cwd', 'packages/app', 'build'], { cwd: appDir, log, env }),
  );
  if (updateSeed) {
    writeFileSync(
      SEED,
      mergeSeed(
        existsSync(SEED) ? readFileSync(SEED, 'utf8') : undefined,
        readFileSync(join(appDir, 'yarn.lock'), 'utf8'),
      ),
    );
    report.figure('seed updated', SEED);
  }
}

/**
 * Yarn keeps every archive it fetched in its cache, named by package and
 * version only, and would install an earlier run's @triad/…@0.1.0 instead of
 * the archive packed now. Triad's archives in the cache are this test's own.
 */
async function forgetCachedTriadArchives(
  appDir: string,
  env: NodeJS.ProcessEnv,
) {
  const folder = await new Promise<string>((ok, fail) => {
    execFile(
      'yarn',
      ['config', 'get', 'cacheFolder'],
      { cwd: appDir, env },
      (error, stdout) => (error ? fail(error) : ok(stdout.trim())),
    );
  });
  if (!existsSync(folder)) return;
  for (const file of readdirSync(folder)) {
    if (/^@triad-.*-npm-.*\.zip$/.test(file)) rmSync(join(folder, file));
  }
}

/** The app runs the code this run packed: each installed Triad package's entry point is the archive's. */
function checkInstalledArchives(
  appDir: string,
  packages: Map<string, Record<string, any>>,
  packs: string,
  report: Report,
) {
  const stale: string[] = [];
  let compared = 0;
  for (const [name, manifest] of packages) {
    const installed = join(appDir, 'node_modules', name);
    if (!existsSync(installed)) continue;
    const entry = posix.normalize(manifest.main ?? 'package.json');
    const archive = join(
      packs,
      `${name.replace('/', '-')}-${manifest.version}.tgz`,
    );
    const packed = execFileSync('tar', ['-xzOf', archive, `package/${entry}`]);
    compared++;
    if (!packed.equals(readFileSync(join(installed, entry)))) stale.push(name);
  }
  report.check(
    'the installed Triad packages are the archives packed by this run',
    compared > 0 && stale.length === 0,
    stale.length
      ? `stale: ${stale.join(', ')}`
      : `${compared} packages compared`,
  );
}

/** The install commands of the guide name published packages, each in the right workspace. */
function checkInstallCommands(
  guide: string,
  packages: Map<string, Record<string, any>>,
  report: Report,
) {
  const problems: string[] = [];
  for (const { workspace, packages: names } of guideInstallCommands(guide)) {
    for (const name of names) {
      const manifest = packages.get(name);
      if (!manifest) {
        problems.push(`${name} is not a published Triad package`);
        continue;
      }
      const role: string = manifest.backstage?.role ?? '';
      const want = role.startsWith('frontend')
        ? 'packages/app'
        : 'packages/backend';
      if (workspace !== want) {
        problems.push(`${name} (${role}) goes into ${want}, not ${workspace}`);
      }
    }
  }
  report.check(
    "the guide's install commands name published packages, each in its workspace",
    problems.length === 0,
    problems.join('; ') ||
      `${guideInstallCommands(guide).length} commands checked`,
  );
}

async function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--only')
    ? (args[args.indexOf('--only') + 1].split(',') as FrontendSystem[])
    : (['new', 'legacy'] as FrontendSystem[]);
  mkdirSync(WORK, { recursive: true });
  writeYarnShim();
  const report = new Report();
  const guide = readFileSync(GUIDE, 'utf8');
  let failed = false;
  try {
    const steps = guideSteps(guide);
    // --packs DIR: archives scripts/pack.sh has just made from this tree
    // (as .ci/run does after the test command); otherwise pack now.
    const given = args.includes('--packs')
      ? resolve(args[args.indexOf('--packs') + 1])
      : undefined;
    const packs = given ?? join(WORK, 'packs');
    if (!given) {
      await report.timed(
        'pack every publishable package (scripts/pack.sh)',
        () =>
          sh('bash', [join(ROOT, 'scripts/pack.sh'), packs], {
            cwd: ROOT,
            log: join(WORK, 'pack.log'),
            env: process.env,
          }),
      );
    }
    const registry = await startLocalRegistry(packs);
    try {
      checkInstallCommands(guide, registry.packages, report);
      for (const system of only) {
        try {
          await installApp(
            system,
            args.includes('--update-seed'),
            packs,
            steps,
            registry,
            report,
          );
        } catch (error) {
          failed = true;
          report.fail(system, (error as Error).message);
        }
      }
    } finally {
      await registry.close();
    }
  } catch (error) {
    failed = true;
    report.fail('install test', (error as Error).message);
  }
  failed = report.print() || failed;
  process.exit(failed ? 1 : 0);
}

main();
