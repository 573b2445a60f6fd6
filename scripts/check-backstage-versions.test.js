const test = require('node:test');
const assert = require('node:assert');
const { findVersionProblems } = require('./check-backstage-versions');

const lock = entries =>
  entries
    .map(
      ([key, version]) =>
        `"${key}":\n  version: ${version}\n  resolution: "${key}"\n  languageName: node\n`,
    )
    .join('\n');

test('a lockfile with one pinned version per package is clean', () => {
  const text = lock([
    ['@backstage/cli@npm:0.36.6', '0.36.6'],
    ['@backstage/errors@npm:1.2.7', '1.2.7'],
  ]);
  assert.deepStrictEqual(
    findVersionProblems(text, { '@backstage/cli': '0.36.6' }),
    [],
  );
});

test('a second version of a package is reported', () => {
  const text = lock([
    ['@backstage/catalog-react@npm:3.0.0', '3.0.0'],
    ['@backstage/catalog-react@npm:^4.0.0', '4.0.0'],
  ]);
  assert.deepStrictEqual(findVersionProblems(text, {}), [
    '@backstage/catalog-react: 2 versions locked (3.0.0, 4.0.0)',
  ]);
});

test('a version other than the pinned one is reported', () => {
  const text = lock([['@backstage/cli@npm:0.37.0', '0.37.0']]);
  assert.deepStrictEqual(
    findVersionProblems(text, { '@backstage/cli': '0.36.6' }),
    [
      '@backstage/cli: locked at 0.37.0, but package.json resolutions pin 0.36.6',
    ],
  );
});

test('non-Backstage packages are ignored', () => {
  const text = lock([
    ['react@npm:17.0.2', '17.0.2'],
    ['react@npm:18.3.1', '18.3.1'],
  ]);
  assert.deepStrictEqual(findVersionProblems(text, {}), []);
});
