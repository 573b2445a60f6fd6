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
import { DEFAULT_OWNERSHIP_ROLES } from '@triad/plugin-ownership-common';
import {
  createSetResponsibilitiesAction,
  createTeamAction,
} from '@triad/plugin-scaffolder-backend-module-ownership';
import {
  createOpenSloCreateAction,
  createOpenSloValidateAction,
  createPrometheusRulesAction,
} from '@triad/plugin-scaffolder-backend-module-slo';
import { mkdir, mkdtemp, symlink, writeFile } from 'fs/promises';
import { join } from 'path';
import { hashTree } from './hashTree';

const root = process.argv[2];
const outside = join(root, 'outside');

const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout-service
spec:
  type: service
  lifecycle: production
  owner: group:checkout-team
`;

const SLOS = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout-service
  indicator:
    metadata: { name: checkout-requests }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { metricSourceRef: prometheus, spec: { query: 'http_requests_total{code!~"5.."}' } } }
        total: { metricSource: { metricSourceRef: prometheus, spec: { query: 'http_requests_total' } } }
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.999 }]
`;

/** YAML that costs far more to expand than to send. */
const laughs = (() => {
  const lines = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ];
  for (const [prev, next] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi']) {
    lines.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
})();

export const YAML_BOMBS: Record<string, string> = {
  'billion laughs (10^9 strings from 9 anchors)': laughs,
  'billion laughs inside a catalog entity':
    `${CATALOG}  tags: &t0 [x, x, x, x, x, x, x, x, x, x]\n${Array.from(
      { length: 8 },
      (_, i) =>
        `  t${i + 1}: &t${i + 1} [${Array(10).fill(`*t${i}`).join(', ')}]`,
    ).join('\n')}\n`.replace('  tags:', '  x-tags:'),
  'one 1 MiB string aliased 1,000 times': `s: &s "${'x'.repeat(
    1024 * 1024,
  )}"\nl: [${Array(1000).fill('*s').join(',')}]\n`,
  'merge keys chained 20 deep': `a0: &a0 { k: v }\n${Array.from(
    { length: 20 },
    (_, i) => `a${i + 1}: &a${i + 1} { <<: [*a${i}, *a${i}], k${i}: v }`,
  ).join('\n')}\n`,
  'flow sequences nested 100,000 deep': `${'['.repeat(100_000)}${']'.repeat(
    100_000,
  )}\n`,
  '20,000 documents': '---\na: 1\n'.repeat(20_000),
  'alias to an undefined anchor': 'a: *nothing\n',
  'anchors used legitimately in an OpenSLO document': SLOS.replace(
    'timeWindow: [{ duration: 28d, isRolling: true }]',
    'timeWindow: &window [{ duration: 28d, isRolling: true }]\n  x-window: *window',
  ),
};

const logger: LoggerService = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child: () => logger,
};

interface ActionCase {
  name: string;
  action: TemplateAction<any, any, any>;
  /** The input with the hostile value in the field under test. */
  input: (value: string) => Record<string, unknown>;
  field: string;
  /** For YAML bombs: which workspace file gets the bomb. */
  bombFile: string;
}

const roles = DEFAULT_OWNERSHIP_ROLES;
const CASES: ActionCase[] = [
  {
    name: 'slo:openslo:create path',
    action: createOpenSloCreateAction(),
    input: p => ({
      service: 'checkout-service',
      target: 0.999,
      path: p,
      catalogFile: false,
    }),
    field: 'path',
    bombFile: 'slos-new.yaml',
  },
  {
    name: 'slo:openslo:create catalogFile',
    action: createOpenSloCreateAction(),
    input: p => ({
      service: 'checkout-service',
      target: 0.999,
      catalogFile: p,
    }),
    field: 'catalogFile',
    bombFile: 'catalog-info.yaml',
  },
  {
    name: 'slo:openslo:create path + Location in catalogFile',
    action: createOpenSloCreateAction(),
    input: p => ({
      service: 'checkout-service',
      target: 0.999,
      path: 'new-slos.yaml',
      catalogFile: p,
    }),
    field: 'catalogFile',
    bombFile: 'catalog-info.yaml',
  },
  {
    name: 'slo:openslo:validate files',
    action: createOpenSloValidateAction(),
    input: p => ({ files: [p], allowEmpty: true }),
    field: 'files[0]',
    bombFile: 'slos.yaml',
  },
  {
    name: 'slo:prometheus:rules files',
    action: createPrometheusRulesAction(),
    input: p => ({ files: [p], path: 'rules.yaml' }),
    field: 'files[0]',
    bombFile: 'slos.yaml',
  },
  {
    name: 'slo:prometheus:rules path',
    action: createPrometheusRulesAction(),
    input: p => ({ files: ['slos.yaml'], path: p }),
    field: 'path',
    bombFile: 'rules.yaml',
  },
  {
    name: 'ownership:responsibilities:set path',
    action: createSetResponsibilitiesAction({ roles }),
    input: p => ({
      path: p,
      responsibilities: [{ role: 'sre', ref: 'group:sre-core' }],
    }),
    field: 'path',
    bombFile: 'catalog-info.yaml',
  },
  {
    name: 'ownership:team:create path',
    action: createTeamAction({ roles }),
    input: p => ({ name: 'new-team', topology: { type: 'platform' }, path: p }),
    field: 'path',
    bombFile: 'teams.yaml',
  },
];

/** Paths that must not lead an action out of its workspace. */
function hostilePaths(ws: string): string[] {
  return [
    '../outside/catalog-info.yaml',
    '../outside/new.yaml',
    'nested/../../outside/new.yaml',
    'nested/deeper/../../../outside/catalog-info.yaml',
    './../outside/slos.yaml',
    `${outside}/catalog-info.yaml`,
    `${outside}/new.yaml`,
    `${ws}/../outside/new.yaml`,
    `${ws}/nested/../../outside/slos.yaml`,
    'link-dir/catalog-info.yaml',
    'link-dir/new.yaml',
    'link-dir/sub/new.yaml',
    'link-file.yaml',
    'link-abs.yaml',
    'dangling.yaml',
    'loop-a',
    'up/outside/new.yaml',
    'nested/link-up/outside/new.yaml',
    'link-dir',
    '..',
    '.',
    '',
    ' ',
    'x\u0000y.yaml',
    `file://${outside}/new.yaml`,
    '../outside/*.yaml',
    '../**/*.yaml',
    'link-dir/**/*.yaml',
    '/**/*.yaml',
    'up/**',
    // Inside the workspace: these may succeed.
    'nested/../catalog-info.yaml',
    `${ws}/catalog-info.yaml`,
    '..\\outside\\new.yaml',
    '**/*.yaml',
  ];
}

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
    for (const path of hostilePaths('WS')) {
      const ws = await workspace();
      const value = path.split('WS').join(ws);
      await attempt('path', c, JSON.stringify(path), c.input(value), ws);
    }
  }
  // The default catalog file is itself a link out of the workspace.
  for (const c of CASES.filter(x => x.bombFile === 'catalog-info.yaml')) {
    const ws = await workspace();
    const { rm } = await import('fs/promises');
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
