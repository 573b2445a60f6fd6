import { parse, stringify } from 'yaml';

type Lockfile = Record<string, any>;

/**
 * A seed for an app's yarn.lock, as create-app uses one: the entries of
 * lockfiles from earlier successful installs, so that an install resolves
 * the same versions every time instead of whatever the registry holds that
 * day (a release published hours ago can break it). Leaves out the app's own
 * workspaces and Triad's packages, which each run packs anew.
 */
export function mergeSeed(
  seedText: string | undefined,
  lockText: string,
): string {
  const seed: Lockfile = seedText ? parse(seedText) : {};
  const lock: Lockfile = parse(lockText);
  for (const [key, entry] of Object.entries(lock)) {
    if (key === '__metadata') {
      seed.__metadata ??= entry;
      continue;
    }
    const resolution = String(entry?.resolution ?? '');
    if (
      /@(workspace|link):/.test(resolution) ||
      resolution.startsWith('@triad/')
    ) {
      continue;
    }
    seed[key] ??= entry;
  }
  const { __metadata, ...entries } = seed;
  const sorted = Object.fromEntries(
    Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)),
  );
  return `# Seed for the yarn.lock of the install test's apps (scripts/test-install.sh --update-seed).\n${stringify(
    { __metadata, ...sorted },
    { lineWidth: 0 },
  )}`;
}
