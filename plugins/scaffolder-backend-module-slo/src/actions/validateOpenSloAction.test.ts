import { createMockDirectory } from '@backstage/backend-test-utils';
import { readdirSync, readFileSync, symlinkSync } from 'fs';
import { join, resolve } from 'path';
import { CATALOG_INFO } from '../__testUtils__/fixtures';
import { createOpenSloValidateAction } from './validateOpenSloAction';
import { exampleInput, runAction } from '@triad/test-utils';

const action = createOpenSloValidateAction();

const SLO = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
spec:
  service: checkout-service
  indicatorRef: checkout-requests
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
`;

describe('slo:openslo:validate', () => {
  const mockDir = createMockDirectory();
  const outside = createMockDirectory();
  const workspacePath = () => join(mockDir.path, 'workspace');

  it('accepts valid documents and reports what it read', async () => {
    mockDir.setContent({
      workspace: {
        'catalog-info.yaml': `${CATALOG_INFO}---\n${SLO}`,
        openslo: { 'more.yml': SLO.replace('checkout-availability', 'other') },
        node_modules: { 'ignored.yaml': 'apiVersion: openslo/v1\n' },
      },
    });
    const output = await runAction(
      action,
      {},
      { workspacePath: workspacePath() },
    );
    expect(output).toEqual({
      files: ['catalog-info.yaml', 'openslo/more.yml'],
      documents: 2,
      slos: ['slo:default/checkout-availability', 'slo:default/other'],
      warnings: [],
    });
  });

  it('accepts every document of the OpenSLO v1 corpus, warning of the defaults it takes', async () => {
    const corpus = resolve(__dirname, '../../../../examples/openslo-v1-corpus');
    mockDir.setContent({
      workspace: Object.fromEntries(
        readdirSync(corpus)
          .filter(f => f.endsWith('.yaml'))
          .map(f => [f, readFileSync(join(corpus, f), 'utf8')]),
      ),
    });
    const output = await runAction(
      action,
      {},
      { workspacePath: workspacePath() },
    );
    expect(output.documents).toBe(20);
    expect(output.slos).toHaveLength(6);
    expect(
      output.warnings.map((w: string) => w.replace(/^.*?\): /, '')),
    ).toEqual([
      'spec.ratioMetric.counter: is not given: the metrics are read as counters (counter: true); say counter: false for gauges',
      expect.stringMatching(/^spec\.alertPolicies: is empty/),
      'spec.objectives[0].op: is ignored: op and value compare a thresholdMetric SLI, and this SLI is a ratioMetric',
      'spec.timeWindow: is not given: Triad uses a rolling 28d window',
    ]);
  });

  it('fails listing every problem with file, document, line and field', async () => {
    mockDir.setContent({
      workspace: {
        'catalog-info.yaml': `${CATALOG_INFO}---\n${SLO.replace(
          '0.999',
          '99.9',
        ).replace('28d', '4w2d')}`,
        openslo: {
          'broken.yaml': 'apiVersion: openslo/v1\nkind: SLO\nmetadata: [oops\n',
          'dup.yaml': `${SLO.replace(
            'checkout-availability',
            'other',
          )}---\n${SLO.replace('checkout-availability', 'other')}`,
        },
      },
    });
    const error = await runAction(
      action,
      { files: ['catalog-info.yaml', 'openslo/*.yaml'] },
      { workspacePath: workspacePath() },
    ).catch(e => e);
    expect(error.name).toBe('InputError');
    const lines = error.message.split('\n');
    expect(lines[0]).toBe(`${lines.length - 1} problems in OpenSLO files:`);
    expect(lines.slice(1)).toEqual([
      '- catalog-info.yaml:24 (document 3, SLO "checkout-availability"): spec.timeWindow[0].duration: "4w2d" is not a duration; expected a positive whole number and one of s, m, h, d, w, M, Q, Y (e.g. 28d)',
      '- catalog-info.yaml:24 (document 3, SLO "checkout-availability"): spec.objectives[0].target: must be below 1; a 100 % objective leaves no error budget',
      '- openslo/broken.yaml:4 (document 1): YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
      '- openslo/dup.yaml:15 (document 2, SLO "other"): metadata.name: another SLO has the same name in openslo/dup.yaml:1 (document 1)',
    ]);
  });

  it('fails when no OpenSLO document is found, unless allowEmpty', async () => {
    mockDir.setContent({ workspace: { 'catalog-info.yaml': CATALOG_INFO } });
    await expect(
      runAction(action, {}, { workspacePath: workspacePath() }),
    ).rejects.toThrow('files: no OpenSLO document in catalog-info.yaml');
    await expect(
      runAction(
        action,
        { files: ['*.json'] },
        { workspacePath: workspacePath() },
      ),
    ).rejects.toThrow('files: no OpenSLO document in any file matching *.json');
    expect(
      await runAction(
        action,
        { allowEmpty: true },
        { workspacePath: workspacePath() },
      ),
    ).toMatchObject({ documents: 0 });
  });

  it.each([
    ['../outside.yaml', 'files[0]: "../outside.yaml" is outside the workspace'],
    ['/etc/hostname', 'files[0]: "/etc/hostname" is outside the workspace'],
    ['../**/*.yaml', 'files[0]: "../**/*.yaml" is outside the workspace'],
    ['link/slo.yaml', 'files[0]: "link/slo.yaml" is outside the workspace'],
    ['*.yaml', 'files[0]: "linked.yaml" is outside the workspace'],
    ['missing.yaml', 'files[0]: missing.yaml is not a file in the workspace'],
  ])('refuses to read %s', async (pattern, message) => {
    outside.setContent({ 'slo.yaml': SLO });
    mockDir.setContent({ workspace: { 'catalog-info.yaml': CATALOG_INFO } });
    symlinkSync(outside.path, join(workspacePath(), 'link'));
    symlinkSync(
      join(outside.path, 'slo.yaml'),
      join(workspacePath(), 'linked.yaml'),
    );
    await expect(
      runAction(
        action,
        { files: [pattern] },
        { workspacePath: workspacePath() },
      ),
    ).rejects.toThrow(message);
  });

  it.each(action.examples!.map(e => [e.description, e.example]))(
    'runs the example: %s',
    async (_description, example) => {
      mockDir.setContent({
        workspace: {
          'catalog-info.yaml': `${CATALOG_INFO}---\n${SLO}`,
          openslo: { 'a.yaml': SLO.replace('checkout-availability', 'a') },
        },
      });
      const output = await runAction(action, exampleInput(example), {
        workspacePath: workspacePath(),
      });
      expect(output.slos).toEqual([
        'slo:default/checkout-availability',
        'slo:default/a',
      ]);
    },
  );
});
