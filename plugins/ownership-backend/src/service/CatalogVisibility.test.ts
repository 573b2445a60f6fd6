import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogMemory } from '@triad/backend-utils';
import { testIndex } from '../__fixtures__/catalog';
import { CatalogVisibility } from './CatalogVisibility';

const index = testIndex();
const credentials = mockCredentials.user('user:default/amara');

/** A catalog that returns every entity except the hidden ones. */
function catalogHiding(...hidden: string[]) {
  return catalogServiceMock.mock({
    getEntitiesByRefs: jest.fn(async ({ entityRefs }) => ({
      items: entityRefs.map(ref =>
        hidden.includes(ref)
          ? undefined
          : ({ kind: 'x', metadata: { name: ref } } as any),
      ),
    })),
  });
}

describe('CatalogVisibility', () => {
  it('asks the catalog once, with the caller credentials, about every reference', async () => {
    const catalog = catalogHiding('component:default/web');
    const visibility = new CatalogVisibility(catalog);
    const { result } = await visibility.filter(credentials, index, canRead =>
      [
        'component:default/web',
        'component:default/ledger',
        'group:default/ghost',
      ].filter(canRead),
    );
    // group:default/ghost is in no catalog: only the entity naming it could reveal it.
    expect(result).toEqual(['component:default/ledger', 'group:default/ghost']);
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledWith(
      {
        entityRefs: ['component:default/web', 'component:default/ledger'],
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
  });

  it('does not call the catalog for a response without references', async () => {
    const catalog = catalogHiding();
    const { result } = await new CatalogVisibility(catalog).filter(
      credentials,
      index,
      () => 42,
    );
    expect(result).toBe(42);
    expect(catalog.getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('checks references that only come up once others are hidden', async () => {
    const catalog = catalogHiding('component:default/web');
    // Like a lookup with one place: the first readable match and its owner.
    const candidates = ['component:default/web', 'component:default/ledger'];
    const { result } = await new CatalogVisibility(catalog).filter(
      credentials,
      index,
      canRead => {
        const first = candidates.find(canRead);
        return first
          ? [first, index.entity(first)!.owner!].filter(canRead)
          : [];
      },
    );
    expect(result).toEqual([
      'component:default/ledger',
      'group:default/payments-team',
    ]);
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledTimes(2);
    expect(catalog.getEntitiesByRefs).toHaveBeenLastCalledWith(
      expect.objectContaining({
        entityRefs: ['component:default/ledger', 'group:default/payments-team'],
      }),
      { credentials },
    );
  });

  it('treats references it could not check as unreadable', async () => {
    let round = 0;
    const catalog = catalogHiding();
    const { result } = await new CatalogVisibility(catalog).filter(
      credentials,
      index,
      canRead => {
        // Each computation asks about a reference not asked before.
        const refs = index.entities().map(e => e.ref);
        const ref = refs[round++ % refs.length];
        return canRead(ref);
      },
    );
    expect(result).toBe(false);
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledTimes(3);
  });

  it('answers 503 when the catalog cannot say what the caller may read', async () => {
    const catalog = catalogServiceMock.mock({
      getEntitiesByRefs: jest.fn().mockRejectedValue(
        Object.assign(new Error('connect ECONNREFUSED'), {
          code: 'ECONNREFUSED',
        }),
      ),
    });
    await expect(
      new CatalogVisibility(catalog).filter(credentials, index, canRead =>
        canRead('component:default/web'),
      ),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      retryAfterSeconds: 5,
      message:
        'The catalog cannot answer (the catalog failed (ECONNREFUSED)) and what the caller may see here is not known from an earlier answer; try again in a few seconds',
    });
  });

  it('decides from the catalog’s earlier decisions for the caller while it fails, and says so', async () => {
    let nowMs = Date.parse('2026-03-01T12:00:00Z');
    const catalog = catalogHiding('component:default/web');
    const visibility = new CatalogVisibility(
      catalog,
      undefined,
      new CatalogMemory({ now: () => nowMs }),
    );
    const compute = (canRead: (ref: string) => boolean) =>
      ['component:default/web', 'component:default/ledger'].filter(canRead);
    expect(await visibility.filter(credentials, index, compute)).toEqual({
      result: ['component:default/ledger'],
    });

    nowMs += 61_000;
    (catalog.getEntitiesByRefs as jest.Mock).mockRejectedValue(
      Object.assign(new Error('connect ECONNREFUSED'), {
        code: 'ECONNREFUSED',
      }),
    );
    expect(await visibility.filter(credentials, index, compute)).toEqual({
      result: ['component:default/ledger'],
      catalogStale: {
        asOf: '2026-03-01T12:00:00.000Z',
        ageSeconds: 61,
        reason: 'the catalog failed (ECONNREFUSED)',
      },
    });
    // Another caller has no earlier decision: refused, not guessed.
    await expect(
      visibility.filter(
        mockCredentials.user('user:default/other'),
        index,
        compute,
      ),
    ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
  });

  it('does not ask the catalog when the policy lets the caller read every entity', async () => {
    const catalog = catalogHiding('component:default/web');
    const permissions = mockServices.permissions.mock({
      authorizeConditional: jest.fn(async () => [
        { result: AuthorizeResult.ALLOW } as const,
      ]),
    });
    const { result } = await new CatalogVisibility(catalog, permissions).filter(
      credentials,
      index,
      canRead => ['component:default/web'].filter(canRead),
    );
    expect(result).toEqual(['component:default/web']);
    expect(catalog.getEntitiesByRefs).not.toHaveBeenCalled();
    expect(permissions.authorizeConditional).toHaveBeenCalledWith(
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
  });

  it('asks the catalog when the caller may read entities only under conditions', async () => {
    const catalog = catalogHiding('component:default/web');
    const permissions = mockServices.permissions.mock({
      authorizeConditional: jest.fn(async () => [
        {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'HAS_LABEL',
            resourceType: 'catalog-entity',
            params: { label: 'x' },
          },
        } as const,
      ]),
    });
    const { result } = await new CatalogVisibility(catalog, permissions).filter(
      credentials,
      index,
      canRead =>
        ['component:default/web', 'component:default/ledger'].filter(canRead),
    );
    expect(result).toEqual(['component:default/ledger']);
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledTimes(1);
  });
});
