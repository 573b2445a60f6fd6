/*
 * Child process of the workspace-safety scenario (src/scenarios/workspaceSafety.ts):
 * runs the Triad scaffolder actions against hostile paths, symbolic links and
 * YAML bombs in throw-away workspaces under ROOT, and prints one JSON line per
 * attempt. Run in its own process so that a hang or a memory blow-up cannot
 * take the suite with it.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs main.ts ROOT
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'fs/promises';
import { join } from 'path';
import { ActionCase, CASES } from './actionCases';
import { hashTree } from './hashTree';
import { CATALOG, hostilePaths, SLOS, YAML_BOMBS } from './hostileInputs';

const root = process.argv[2];
const outside = join(root, 'outside');

const logger: LoggerService = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child: () => logger,
};

let counter = 0;
/** A fresh workspace with the fixture files and links that lead out of it. */
async function workspace(files: Record<string, string> = {}): Promise<string> {
  const ws = await mkdtemp(join(root, `ws-${++counter}-`));
  await mkdir(join(ws, 'nested', 'deeper'), { recursive: true });
  const content = {
    'catalog-info.yaml': CATALOG,
    'slos.yaml': SLOS,
    ...files,
  };
  for (const [name, text] of Object.entries(content)) {
    await writeFile(join(ws, name), text);
  }
  await symlink('../outside', join(ws, 'link-dir'));
  await symlink('../outside/catalog-info.yaml', join(ws, 'link-file.yaml'));
  await symlink(join(outside, 'slos.yaml'), join(ws, 'link-abs.yaml'));
  await symlink(
    '../outside/created-through-link.yaml',
    join(ws, 'dangling.yaml'),
  );
  await symlink('loop-b', join(ws, 'loop-a'));
  await symlink('loop-a', join(ws, 'loop-b'));
  await symlink('..', join(ws, 'up'));
  await symlink('../..', join(ws, 'nested', 'link-up'));
  return ws;
}

/** The tree outside every workspace: the outside folder and anything next to the workspaces. */
const fingerprint = () => hashTree(root, name => name.startsWith('ws-'));

async function run(
  action: TemplateAction<any, any, any>,
  input: Record<string, unknown>,
  ws: string,
) {
  const outputs: Record<string, unknown> = {};
  await action.handler({
    input,
    workspacePath: ws,
    logger,
    output: (k: string, v: unknown) => {
      outputs[k] = v;
    },
    createTemporaryDirectory: () => mkdtemp(join(ws, 'tmp-')),
    checkpoint: async ({ fn }: { fn: () => Promise<unknown> }) => fn(),
    getInitiatorCredentials: async () => ({
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'none' },
    }),
    task: { id: 'reliability' },
    isDryRun: false,
    signal: new AbortController().signal,
  } as any);
  return outputs;
}

const emit = (line: object) =>
  process.stdout.write(`${JSON.stringify(line)}\n`);

async function attempt(
  kind: 'path' | 'bomb',
  c: ActionCase,
  label: string,
  input: Record<string, unknown>,
  ws: string,
) {
  emit({ type: 'start', kind, action: c.name, label });
  const before = await fingerprint();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  let error: string | undefined;
  try {
    await run(c.action, input, ws);
  } catch (e) {
    error = `${(e as Error).name}: ${(e as Error).message}`.slice(0, 600);
  }
  const ms = performance.now() - started;
  const after = await fingerprint();
  emit({
    type: 'result',
    kind,
    action: c.name,
    field: c.field,
    label,
    escaped: before.hash !== after.hash,
    error,
    ms,
    heapMb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20),
  });
}

async function main() {
  for (const c of CASES) {
    for (const path of hostilePaths('WS', outside)) {
      const ws = await workspace();
      const value = path.split('WS').join(ws);
      await attempt('path', c, JSON.stringify(path), c.input(value), ws);
    }
  }
  // The default catalog file is itself a link out of the workspace.
  for (const c of CASES.filter(x => x.bombFile === 'catalog-info.yaml')) {
    const ws = await workspace();
    await rm(join(ws, 'catalog-info.yaml'));
    await symlink(
      '../outside/catalog-info.yaml',
      join(ws, 'catalog-info.yaml'),
    );
    const input = c.input('catalog-info.yaml');
    await attempt(
      'path',
      c,
      '"catalog-info.yaml" (a link to a file outside)',
      input,
      ws,
    );
  }
  for (const [bomb, text] of Object.entries(YAML_BOMBS)) {
    for (const c of CASES) {
      const ws = await workspace({ [c.bombFile]: text });
      await attempt('bomb', c, bomb, c.input(c.bombFile), ws);
    }
  }
  emit({ type: 'done' });
}

main().catch(error => {
  emit({ type: 'crash', error: String(error?.stack ?? error) });
  process.exit(1);
});
