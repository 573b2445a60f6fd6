import { Chunk, FileInfo, jsOf } from './appBuild';

export interface FrontendPlugin {
  name: string;
  dir: string;
  /** Sources that count for the plugin (its common library included). */
  match: RegExp;
  /** The plugin's own sources, whose import() calls make its lazy chunks. */
  own: RegExp;
}

/** What a plugin adds to the build: at start, in its own lazy chunks and in shared ones. */
export function pluginWeight(
  plugin: FrontendPlugin,
  chunks: Chunk[],
  files: Map<string, FileInfo>,
) {
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
            initialSources.add(source.replace(/^.*\/plugins\//, 'plugins/'));
      } else if (c.origins.length && c.origins.every(fromPlugin)) {
        // Requested only by this plugin's import(): all of it is the plugin's.
        lazyOwn += files.get(f)!.gz;
        lazyChunks.push(f);
      } else {
        lazyShared += share(f).gz;
      }
    }
  }
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
  return {
    initial,
    lazyOwn,
    lazyShared,
    lazyChunks,
    initialSources: [...initialSources],
    perView,
  };
}
