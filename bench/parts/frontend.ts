/*
 * 5. Frontend weight: builds the example app for production (the CLI's own
 * rspack configuration, into a temporary directory) and works out, from the
 * chunk graph and the source maps, the gzipped bytes each Triad frontend
 * plugin adds and whether its views load lazily.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { gzipSync } from 'zlib';
import { fmt, log, partResult, runPart } from '../lib/report';
import { bytesPerSource } from '../lib/sourceMapBytes';

const ROOT = resolve(__dirname, '../..');

interface Chunk {
  id: string | number;
  names: string[];
  files: string[];
  initial: boolean;
  origins: { module: string; request: string }[];
}

const PLUGINS = [
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
  const section = 'Frontend weight, example app production build';
  const dist = mkdtempSync(join(tmpdir(), 'triad-bench-app-'));
  try {
    log('building packages/app for production');
    const started = Date.now();
    const build = spawnSync(
      process.execPath,
      [resolve(__dirname, '../lib/buildApp.js'), dist],
      {
        cwd: resolve(ROOT, 'packages/app'),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 15 * 60_000,
      },
    );
    if (build.status !== 0)
      throw new Error(`app build failed:\n${build.stdout}\n${build.stderr}`);
    const buildMs = Date.now() - started;
    const { chunks } = JSON.parse(
      readFileSync(join(dist, 'bench-chunks.json'), 'utf8'),
    ) as { chunks: Chunk[] };

    // Gzipped size and bytes per source file of every JavaScript file.
    type FileInfo = {
      bytes: number;
      gz: number;
      perSource: Map<string, number>;
    };
    const files = new Map<string, FileInfo>();
    for (const c of chunks) {
      for (const f of c.files.filter(x => x.endsWith('.js'))) {
        if (files.has(f)) continue;
        const code = readFileSync(join(dist, f), 'utf8');
        let perSource = new Map<string, number>();
        try {
          perSource = bytesPerSource(
            code,
            JSON.parse(readFileSync(join(dist, `${f}.map`), 'utf8')),
          );
        } catch {
          // no map: nothing attributed
        }
        files.set(f, {
          bytes: Buffer.byteLength(code),
          gz: gzipSync(code, { level: 9 }).length,
          perSource,
        });
      }
    }
    const jsOf = (c: Chunk) => c.files.filter(f => f.endsWith('.js'));
    const initialGz = chunks
      .filter(c => c.initial)
      .flatMap(jsOf)
      .reduce((n, f) => n + files.get(f)!.gz, 0);
    const allGz = [...files.values()].reduce((n, f) => n + f.gz, 0);
    out.row({
      section,
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
      const committed =
        spawnSync(
          'git',
          ['ls-files', '--error-unmatch', `${plugin.dir}/package.json`],
          { cwd: ROOT },
        ).status === 0;
      /** The plugin's share of a file, gzipped in proportion. */
      const share = (f: string) => {
        const info = files.get(f)!;
        let mine = 0;
        for (const [source, n] of info.perSource)
          if (plugin.match.test(source)) mine += n;
        return {
          bytes: mine,
          gz: info.bytes ? (mine / info.bytes) * info.gz : 0,
        };
      };
      const fromPlugin = (o: { module: string }) =>
        plugin.own.test(`/${o.module.split('!').pop()}`);
      let initial = 0;
      let lazyOwn = 0;
      let lazyShared = 0;
      const lazyChunks: string[] = [];
      const initialSources = new Set<string>();
      for (const c of chunks) {
        for (const f of jsOf(c)) {
          if (c.initial) {
            initial += share(f).gz;
            for (const [source] of files.get(f)!.perSource)
              if (plugin.match.test(source))
                initialSources.add(
                  source.replace(/^.*\/plugins\//, 'plugins/'),
                );
          } else if (c.origins.length && c.origins.every(fromPlugin)) {
            // Requested only by this plugin's import(): all of it is the plugin's.
            lazyOwn += files.get(f)!.gz;
            lazyChunks.push(f);
          } else {
            lazyShared += share(f).gz;
          }
        }
      }
      const views = [...initialSources].filter(s => /\/components\//.test(s));
      // What opening each view costs: the chunks its import() loads.
      const perView = new Map<string, number>();
      for (const c of chunks) {
        if (c.initial) continue;
        for (const o of c.origins.filter(fromPlugin)) {
          const view = o.request.split('/').pop() ?? o.request;
          const gz = jsOf(c).reduce((n, f) => n + files.get(f)!.gz, 0);
          perView.set(view, (perView.get(view) ?? 0) + gz);
        }
      }
      const label = `${plugin.dir}${committed ? '' : ' (not committed yet)'}`;
      out.raw[plugin.name] = {
        initial,
        lazyOwn,
        lazyShared,
        lazyChunks,
        initialSources: [...initialSources],
      };
      if (!initial && !lazyOwn && !lazyShared) {
        out.row({ section, metric: label, value: 'not in the app build' });
        continue;
      }
      out.row({
        section,
        metric: `${label}: added to the start-up bundle (gzipped)`,
        value: `${fmt.kib(initial)} — ${[...initialSources]
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
    out.note(`frontend measured at commit ${commit}`);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
  out.write();
}

runPart(main);
