/*
 * 5. Frontend weight: builds the example app for production (the CLI's own
 * rspack configuration, into a temporary directory) and works out, from the
 * chunk graph and the source maps, the gzipped bytes each Triad frontend
 * plugin adds and whether its views load lazily.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { fmt, log, partResult, runPart } from '../lib/report';
import { buildApp, jsOf, measureFiles, ROOT } from './frontend/appBuild';
import { FrontendPlugin, pluginWeight } from './frontend/pluginWeight';

type PartResult = ReturnType<typeof partResult>;

const SECTION = 'Frontend weight, example app production build';

const PLUGINS: FrontendPlugin[] = [
  {
    name: 'slo',
    dir: 'plugins/slo',
    match: /\/plugins\/(slo|slo-common)\//,
    own: /\/plugins\/slo\//,
  },
  {
    name: 'ownership',
    dir: 'plugins/ownership',
    match: /\/plugins\/(ownership|ownership-common)\//,
    own: /\/plugins\/ownership\//,
  },
];

async function main() {
  const out = partResult('frontend');
  const dist = mkdtempSync(join(tmpdir(), 'triad-bench-app-'));
  try {
    log('building packages/app for production');
    const { chunks, buildMs } = buildApp(dist);
    const files = measureFiles(dist, chunks);
    const initialGz = chunks
      .filter(c => c.initial)
      .flatMap(jsOf)
      .reduce((n, f) => n + files.get(f)!.gz, 0);
    const allGz = [...files.values()].reduce((n, f) => n + f.gz, 0);
    out.row({
      section: SECTION,
      metric: 'the whole app (all plugins), gzipped JavaScript',
      value: `${fmt.kib(initialGz)} loaded at start, ${fmt.kib(
        allGz,
      )} in all (build ${fmt.ms(buildMs)})`,
    });

    let commit = '';
    try {
      commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
        cwd: ROOT,
        encoding: 'utf8',
      }).trim();
    } catch {
      // not a git checkout
    }
    for (const plugin of PLUGINS) {
      reportPlugin(out, plugin, pluginWeight(plugin, chunks, files));
    }
    out.note(`frontend measured at commit ${commit}`);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
  out.write();
}

function reportPlugin(
  out: PartResult,
  plugin: FrontendPlugin,
  weight: ReturnType<typeof pluginWeight>,
) {
  const section = SECTION;
  const committed =
    spawnSync(
      'git',
      ['ls-files', '--error-unmatch', `${plugin.dir}/package.json`],
      { cwd: ROOT },
    ).status === 0;
  const { initial, lazyOwn, lazyShared, lazyChunks, initialSources, perView } =
    weight;
  const views = initialSources.filter(s => /\/components\//.test(s));
  const label = `${plugin.dir}${committed ? '' : ' (not committed yet)'}`;
  out.raw[plugin.name] = {
    initial,
    lazyOwn,
    lazyShared,
    lazyChunks,
    initialSources,
  };
  if (!initial && !lazyOwn && !lazyShared) {
    out.row({ section, metric: label, value: 'not in the app build' });
    return;
  }
  out.row({
    section,
    metric: `${label}: added to the start-up bundle (gzipped)`,
    value: `${fmt.kib(initial)} — ${initialSources
      .map(s => s.replace(/^plugins\/[^/]+\/src\//, ''))
      .slice(0, 8)
      .join(', ')}`,
  });
  out.row({
    section,
    metric: `${label}: lazy chunks, loaded on first use of its views (gzipped)`,
    value: `${fmt.kib(lazyOwn)} in ${lazyChunks.length} chunks${
      lazyShared
        ? `, plus ${fmt.kib(lazyShared)} of its code in shared chunks`
        : ''
    }`,
  });
  out.row({
    section,
    metric: `${label}: gzipped bytes loaded when a view first opens`,
    value: [...perView]
      .filter(([view]) => view !== 'package.json')
      .sort((a, b) => b[1] - a[1])
      .map(([view, gz]) => `${view} ${fmt.kib(gz)}`)
      .join(', '),
  });
  out.row({
    section,
    metric: `${label}: pages and cards load lazily`,
    value: views.length
      ? `no — in the start-up bundle: ${views.join(', ')}`
      : 'yes: no component of the plugin is in the start-up bundle',
    goal: 'lazy',
    met: views.length === 0,
  });
}

runPart(main);
