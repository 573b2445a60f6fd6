import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { readsEveryEntity } from './readsEveryEntity';

describe('readsEveryEntity', () => {
  const credentials = mockCredentials.user();
  const policy = (answer: () => Promise<any>) =>
    mockServices.permissions.mock({
      authorizeConditional: jest.fn(async () => [await answer()]),
    });

  it('is true only for an unconditional allow of catalog.entity.read', async () => {
    const allow = policy(async () => ({ result: AuthorizeResult.ALLOW }));
    expect(await readsEveryEntity(allow, credentials)).toBe(true);
    expect(allow.authorizeConditional).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'catalog.entity.read',
            resourceType: 'catalog-entity',
          }),
        },
      ],
      { credentials },
    );
    const conditional = policy(async () => ({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'HAS_LABEL',
        resourceType: 'catalog-entity',
        params: { label: 'x' },
      },
    }));
    expect(await readsEveryEntity(conditional, credentials)).toBe(false);
    const deny = policy(async () => ({ result: AuthorizeResult.DENY }));
    expect(await readsEveryEntity(deny, credentials)).toBe(false);
  });

  it('leaves the decision to the catalog when the policy cannot answer', async () => {
    const failing = policy(async () => {
      throw new Error('permission backend down');
    });
    expect(await readsEveryEntity(failing, credentials)).toBe(false);
    expect(await readsEveryEntity(undefined, credentials)).toBe(false);
  });
});
