import { readFileSync } from 'fs';
import { resolve } from 'path';
import { guideInstallCommands, guideSteps } from './guideSteps';

describe('guideSteps', () => {
  it('reads marked blocks with their kind and arguments', () => {
    const steps = guideSteps(
      [
        'Install:',
        '',
        '<!-- install-test: run -->',
        '',
        '```sh',
        'yarn --cwd packages/backend add @triad/plugin-slo-backend',
        '```',
        '',
        '<!-- install-test: edit packages/app/src/App.tsx legacy -->',
        '```diff',
        "+import { SloPage } from '@triad/plugin-slo';",
        '```',
        '<!-- install-test: config -->',
        '```yaml',
        'catalog: {}',
        '```',
        'An unmarked block is not a step:',
        '```sh',
        'echo no',
        '```',
      ].join('\n'),
    );
    expect(steps).toEqual([
      {
        kind: 'run',
        withBackend: false,
        code: 'yarn --cwd packages/backend add @triad/plugin-slo-backend\n',
        line: 6,
      },
      {
        kind: 'edit',
        file: 'packages/app/src/App.tsx',
        only: 'legacy',
        code: "+import { SloPage } from '@triad/plugin-slo';\n",
        line: 11,
      },
      { kind: 'config', code: 'catalog: {}\n', line: 15 },
    ]);
  });

  it('refuses a marker it cannot apply, naming the line', () => {
    expect(() =>
      guideSteps('text\n<!-- install-test: patch x -->\n```diff\n+x\n```\n'),
    ).toThrow('docs/install.md:2: unknown install-test marker "patch x"');
    expect(() =>
      guideSteps('<!-- install-test: config -->\n```json\n{}\n```\n'),
    ).toThrow('a "config" step needs a yaml block, got "json"');
  });

  it('reads the real guide, which marks every diff it shows', () => {
    const guide = readFileSync(
      resolve(__dirname, '../../../docs/install.md'),
      'utf8',
    );
    const steps = guideSteps(guide);
    expect(steps.filter(s => s.kind === 'edit').length).toBe(
      guide.match(/^```diff$/gm)?.length,
    );
    expect(guideInstallCommands(guide)).toContainEqual({
      workspace: 'packages/app',
      packages: ['@triad/plugin-slo', '@triad/plugin-ownership'],
    });
  });
});
