/** Hostile inputs of the workspace-safety runner: files of the fixture, YAML bombs and paths. */

export const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout-service
spec:
  type: service
  lifecycle: production
  owner: group:checkout-team
`;

export const SLOS = `apiVersion: openslo/v1
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

/** Paths that must not lead an action out of its workspace. */
export function hostilePaths(ws: string, outside: string): string[] {
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
