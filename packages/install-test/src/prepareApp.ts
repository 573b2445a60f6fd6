import { execFile } from 'child_process';
import {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'fs';
import { join } from 'path';
import { parseDocument } from 'yaml';
import { ROOT } from './paths';

/** The pins: the repository's @backstage resolutions, and create-app's own pins for the rest. */
export function pinBackstage(appDir: string) {
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
export function useRegistry(appDir: string, registryUrl: string) {
  const file = join(appDir, '.yarnrc.yml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.setIn(['npmScopes', 'triad', 'npmRegistryServer'], registryUrl);
  doc.setIn(['unsafeHttpWhitelist'], ['localhost']);
  const approved = (doc.get('npmPreapprovedPackages') as any)?.toJSON?.() ?? [];
  doc.setIn(['npmPreapprovedPackages'], [...approved, '@triad/*']);
  writeFileSync(file, doc.toString());
}

/**
 * Yarn keeps every archive it fetched in its cache, named by package and
 * version only, and would install an earlier run's @triad/…@0.1.0 instead of
 * the archive packed now. Triad's archives in the cache are this test's own.
 */
export async function forgetCachedTriadArchives(
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
