import { existsSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { applyStep, stepsFor } from './applyStep';
import { startBackend, stopBackend } from './backendProcess';
import { checkBackend } from './checkBackend';
import { checkInstalledArchives } from './checkPackages';
import { FrontendSystem, GuideStep } from './guideSteps';
import { mergeSeed } from './lockfileSeed';
import { SEED, WORK } from './paths';
import {
  forgetCachedTriadArchives,
  pinBackstage,
  useRegistry,
} from './prepareApp';
import { Report } from './report';
import { sh, userEnv } from './shell';

const PORTS: Record<FrontendSystem, number> = { new: 7117, legacy: 7127 };

/** One app of the install test: what it was made from and where it lives. */
interface App {
  system: FrontendSystem;
  dir: string;
  log: string;
  env: NodeJS.ProcessEnv;
  steps: GuideStep[];
}

export async function installApp(
  system: FrontendSystem,
  updateSeed: boolean,
  packs: string,
  steps: GuideStep[],
  registry: { url: string; packages: Map<string, Record<string, any>> },
  report: Report,
) {
  // npx keeps what it installed by name and version; archives packed from
  // changed sources keep their version, so each run starts npx's cache anew.
  const npmCache = join(WORK, `${system}.npm-cache`);
  const app: App = {
    system,
    dir: join(WORK, system),
    log: join(WORK, `${system}.log`),
    env: userEnv({
      // npx (the guide's CLI step) finds the @triad scope where yarn does.
      'npm_config_@triad:registry': registry.url,
      npm_config_cache: npmCache,
    }),
    steps: stepsFor(steps, system),
  };
  for (const dir of [app.dir, npmCache]) {
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(app.log, { force: true });
  report.section(`${system} frontend system app (log: ${app.log})`);

  await report.timed('create-app 0.9.2, pinned to Backstage 1.55', () =>
    createApp(app, registry.url),
  );
  await report.timed('yarn install (the existing instance)', () =>
    sh('yarn', ['install'], { cwd: app.dir, log: app.log, env: app.env }),
  );
  await forgetCachedTriadArchives(app.dir, app.env);
  await report.timed('the steps of docs/install.md', async () => {
    for (const step of app.steps) {
      if (step.kind === 'run' && step.withBackend) continue;
      await applyStep(step, app.dir, app.log, app.env);
    }
  });
  checkInstalledArchives(app.dir, registry.packages, packs, report);
  await report.timed('tsc with library checking (yarn tsc:full)', () =>
    sh('yarn', ['tsc:full'], { cwd: app.dir, log: app.log, env: app.env }),
  );
  await checkRunningBackend(app, report);
  await report.timed('frontend build (yarn --cwd packages/app build)', () =>
    sh('yarn', ['--cwd', 'packages/app', 'build'], {
      cwd: app.dir,
      log: app.log,
      env: app.env,
    }),
  );
  if (updateSeed) {
    writeFileSync(
      SEED,
      mergeSeed(
        existsSync(SEED) ? readFileSync(SEED, 'utf8') : undefined,
        readFileSync(join(app.dir, 'yarn.lock'), 'utf8'),
      ),
    );
    report.figure('seed updated', SEED);
  }
}

async function createApp(app: App, registryUrl: string) {
  await sh(
    'node',
    [
      require.resolve('@backstage/create-app/bin/backstage-create-app'),
      '--path',
      app.dir,
      '--skip-install',
      ...(app.system === 'legacy' ? ['--legacy'] : []),
    ],
    {
      cwd: WORK,
      log: app.log,
      env: { ...app.env, BACKSTAGE_APP_NAME: `triad-${app.system}` },
    },
  );
  pinBackstage(app.dir);
  useRegistry(app.dir, registryUrl);
  // As create-app does when it can fetch its seed: a yarn.lock to start
  // from, so that the install does not depend on what was published today.
  if (existsSync(SEED)) {
    writeFileSync(join(app.dir, 'yarn.lock'), readFileSync(SEED));
  }
}

/** Starts the app's backend, checks it, and runs the guide's steps that need it. */
async function checkRunningBackend(app: App, report: Report) {
  const port = PORTS[app.system];
  const backendLog = join(WORK, `${app.system}-backend.log`);
  rmSync(backendLog, { force: true });
  const started = Date.now();
  const backend = startBackend(app.dir, port, backendLog);
  try {
    await report.timed('backend: every Triad endpoint', () =>
      checkBackend({
        baseUrl: `http://localhost:${port}`,
        startedAt: started,
        backend,
        backendLog,
        report,
        runWithBackend: async (token: string) => {
          for (const step of app.steps) {
            if (step.kind !== 'run' || !step.withBackend) continue;
            await applyStep(
              {
                ...step,
                code: step.code.replaceAll(
                  'http://localhost:7007',
                  `http://localhost:${port}`,
                ),
              },
              app.dir,
              app.log,
              { ...app.env, TOKEN: token },
            );
          }
        },
      }),
    );
  } finally {
    await stopBackend(backend);
  }
}
