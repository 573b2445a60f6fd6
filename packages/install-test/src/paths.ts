import { dirname, join, resolve } from 'path';

// The repository: this package is packages/install-test.
export const ROOT = resolve(
  dirname(require.resolve('@triad/install-test/package.json')),
  '../..',
);
export const WORK = join(ROOT, '.cache/install-test');
export const GUIDE = join(ROOT, 'docs/install.md');
export const SEED = join(ROOT, 'packages/install-test/seed.yarn.lock');
