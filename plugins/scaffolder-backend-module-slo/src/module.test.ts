import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import {
  TemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleSlo } from './module';

describe('scaffolderModuleSlo', () => {
  it('registers the slo actions with the scaffolder', async () => {
    const actions: TemplateAction<any, any, any>[] = [];
    // A stand-in for the scaffolder plugin that only collects actions.
    const scaffolder = createBackendPlugin({
      pluginId: 'scaffolder',
      register(env) {
        env.registerExtensionPoint(scaffolderActionsExtensionPoint, {
          addActions: (...added) => actions.push(...added),
        });
        env.registerInit({ deps: {}, async init() {} });
      },
    });
    await startTestBackend({ features: [scaffolder, scaffolderModuleSlo] });
    expect(actions.map(a => a.id)).toEqual([
      'slo:openslo:create',
      'slo:openslo:validate',
      'slo:openslo:import',
      'slo:prometheus:rules',
      'slo:policy:check',
      'slo:event:create',
    ]);
    for (const action of actions) {
      expect(action.supportsDryRun).toBe(true);
      expect(action.examples?.length).toBeGreaterThan(0);
      // Every input and output field is described for the template editor.
      for (const schema of [action.schema?.input, action.schema?.output]) {
        const properties = (schema as any)?.properties ?? {};
        expect(Object.keys(properties).length).toBeGreaterThan(0);
        for (const [name, property] of Object.entries<any>(properties)) {
          expect([action.id, name, property.description]).toEqual([
            action.id,
            name,
            expect.any(String),
          ]);
        }
      }
    }
  });
});
