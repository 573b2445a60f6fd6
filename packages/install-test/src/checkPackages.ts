import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join, posix } from 'path';
import { guideInstallCommands } from './guideSteps';
import { Report } from './report';

/** The app runs the code this run packed: each installed Triad package's entry point is the archive's. */
export function checkInstalledArchives(
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
export function checkInstallCommands(
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
