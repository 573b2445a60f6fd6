/*
 * The install test: plays a user who adds Triad to a Backstage app of their
 * own by following docs/install.md. See ../README.md.
 */
import { mkdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { checkInstallCommands } from './checkPackages';
import { FrontendSystem, guideSteps } from './guideSteps';
import { installApp } from './installApp';
import { startLocalRegistry } from './localRegistry';
import { GUIDE, ROOT, WORK } from './paths';
import { Report } from './report';
import { sh, writeYarnShim } from './shell';

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
