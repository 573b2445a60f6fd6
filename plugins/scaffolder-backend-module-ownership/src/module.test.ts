import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  TemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleOwnership } from './module';

async function registeredActions(config: any) {
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
  await startTestBackend({
    features: [
      scaffolder,
      scaffolderModuleOwnership,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return actions;
}

describe('scaffolderModuleOwnership', () => {
  it('registers the ownership actions, described for the template editor', async () => {
    const actions = await registeredActions({});
    expect(actions.map(a => a.id)).toEqual([
      'ownership:responsibilities:set',
      'ownership:team:create',
      'ownership:lookup',
    ]);
    for (const action of actions) {
      expect(action.supportsDryRun).toBe(true);
      expect(action.examples?.length).toBeGreaterThan(0);
      for (const schema of [action.schema?.input, action.schema?.output]) {
        for (const [name, property] of Object.entries<any>(
          (schema as any).properties,
        )) {
          expect([action.id, name, typeof property.description]).toEqual([
            action.id,
            name,
            'string',
          ]);
        }
      }
    }
    expect(actions[0].description).toContain('(devops, sre, platform)');
  });

  it('takes the roles from ownership.roles', async () => {
    const actions = await registeredActions({
      ownership: { roles: [{ id: 'security', title: 'Security' }] },
    });
    expect(actions[0].description).toContain('(security)');
    expect(
      Object.keys((actions[2].schema?.output as any).properties),
    ).toContain('security');
  });

  it('refuses to start with invalid roles', async () => {
    await expect(
      registeredActions({ ownership: { roles: [{ id: 'Bad Role' }] } }),
    ).rejects.toThrow('ownership.roles[0].id');
  });
});
