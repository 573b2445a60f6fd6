/*
 * Builds the example app (packages/app) for production exactly as
 * `backstage-cli package build` does (same rspack configuration), but into
 * the directory given as the first argument, so packages/app/dist is left
 * alone, and writes the chunk graph beside it (bench-chunks.json: every
 * chunk with its files, whether it loads initially, what requested it and
 * which source files it holds). Run with cwd = packages/app.
 */
'use strict';

const { resolve } = require('path');

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: node buildApp.js OUT_DIR');
process.env.NODE_ENV = 'production';

const cli = resolve(
  __dirname,
  '../../node_modules/@backstage/cli-module-build/dist/lib',
);
const { buildBundle } = require(`${cli}/bundler/bundle.cjs.js`);
const { loadCliConfig } = require(`${cli}/config.cjs.js`);
const rspackCore = require(require.resolve('@rspack/core', { paths: [cli] }));
const { writeFileSync } = require('fs');

/** The source files of a module, looking into concatenated modules. */
function sourcesOf(m) {
  const own = m.nameForCondition ?? m.identifier;
  const inner = (m.modules ?? []).flatMap(sourcesOf);
  return inner.length ? inner : own ? [own] : [];
}

class ChunkGraphPlugin {
  apply(compiler) {
    compiler.hooks.done.tap('TriadBenchChunkGraph', stats => {
      const json = stats.toJson({
        all: false,
        ids: true,
        chunks: true,
        chunkModules: true,
        chunkOrigins: true,
        nestedModules: true,
      });
      const chunks = json.chunks.map(c => ({
        id: c.id,
        names: c.names,
        files: c.files,
        initial: c.initial,
        entry: c.entry,
        origins: (c.origins ?? []).map(o => ({
          module: o.moduleIdentifier ?? '',
          request: o.request ?? '',
        })),
        sources: [...new Set((c.modules ?? []).flatMap(sourcesOf))],
      }));
      writeFileSync(
        `${compiler.options.output.path}/bench-chunks.json`,
        JSON.stringify({ chunks }),
      );
    });
  }
}

// The CLI calls rspack through the module's export: add the chunk-graph
// plugin to the configuration it passes.
const { rspack } = rspackCore;
rspackCore.rspack = Object.assign((configs, callback) => {
  for (const c of configs)
    c.plugins = [...(c.plugins ?? []), new ChunkGraphPlugin()];
  return rspack(configs, callback);
}, rspack);

(async () => {
  const targetDir = process.cwd();
  const packageJson = require(resolve(targetDir, 'package.json'));
  await buildBundle({
    targetDir,
    entry: 'src/index',
    dist: outDir,
    statsJsonEnabled: false,
    ...(await loadCliConfig({ args: [], fromPackage: packageJson.name })),
  });
  // The bundler leaves workers behind that would keep the process alive.
  process.exit(0);
})().catch(error => {
  console.error(error);
  process.exit(1);
});
