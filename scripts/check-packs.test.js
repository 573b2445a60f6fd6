const test = require('node:test');
const assert = require('node:assert');
const { findPackProblems, archiveName } = require('./check-packs');

const backendManifest = {
  name: '@triad/plugin-x-backend',
  version: '0.1.0',
  main: 'dist/index.cjs.js',
  types: 'dist/index.d.ts',
  configSchema: 'config.schema.json',
  dependencies: { '@triad/plugin-x-common': '^0.1.0' },
};

test('a manifest whose files are all in the archive is publishable', () => {
  assert.deepStrictEqual(
    findPackProblems(backendManifest, [
      'package.json',
      'README.md',
      'config.schema.json',
      'dist/index.cjs.js',
      'dist/index.d.ts',
    ]),
    [],
  );
});

test('a missing entry point, schema and README are each reported', () => {
  assert.deepStrictEqual(
    findPackProblems(backendManifest, ['package.json', 'dist/index.cjs.js']),
    [
      'types points at dist/index.d.ts, which is not in the archive',
      'configSchema points at config.schema.json, which is not in the archive',
      'the archive has no README',
    ],
  );
});

test('a workspace range left in the manifest is reported', () => {
  const manifest = {
    ...backendManifest,
    peerDependencies: { '@triad/plugin-x-node': 'workspace:^' },
  };
  assert.deepStrictEqual(
    findPackProblems(manifest, [
      'README.md',
      'config.schema.json',
      'dist/index.cjs.js',
      'dist/index.d.ts',
    ]),
    ['peerDependencies.@triad/plugin-x-node is still "workspace:^"'],
  );
});

test('export conditions and bins are followed, feature markers are not files', () => {
  const manifest = {
    name: '@triad/plugin-x',
    version: '0.1.0',
    bin: { 'x-cli': 'bin/x-cli' },
    exports: {
      '.': { import: './dist/index.esm.js', types: './dist/index.d.ts' },
      './alpha': {
        backstage: '@backstage/FrontendPlugin',
        import: './dist/alpha.esm.js',
        types: './dist/alpha.d.ts',
      },
      './package.json': './package.json',
    },
  };
  assert.deepStrictEqual(
    findPackProblems(manifest, [
      'README.md',
      'package.json',
      'bin/x-cli',
      'dist/index.esm.js',
      'dist/index.d.ts',
      'dist/alpha.esm.js',
    ]),
    [
      'exports[./alpha][types] points at dist/alpha.d.ts, which is not in the archive',
    ],
  );
});

test('archives are named as yarn pack names them', () => {
  assert.strictEqual(
    archiveName({ name: '@triad/plugin-slo', version: '0.2.0' }),
    '@triad-plugin-slo-0.2.0.tgz',
  );
});
