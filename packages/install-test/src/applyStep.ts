import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { applyDiff } from './applyDiff';
import { FrontendSystem, GuideStep } from './guideSteps';
import { mergeConfig } from './mergeConfig';
import { sh } from './shell';

/** The guide's steps for one frontend system: edits marked for the other are left out. */
export function stepsFor(steps: GuideStep[], system: FrontendSystem) {
  return steps.filter(s => s.kind !== 'edit' || !s.only || s.only === system);
}

/** Runs, edits or writes what one step of the guide says, in the app; errors name the guide's line. */
export async function applyStep(
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
