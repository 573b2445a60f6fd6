import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readableEntityRefs } from './readableEntityRefs';

const credentials = mockCredentials.user('user:default/amara');

// What the caller may read: the catalog answers with the caller's
// credentials, so an entity the policy hides is, to it, not there.
const catalog = catalogServiceMock({
  entities: [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'ledger', namespace: 'default' },
    },
  ],
});

describe('readableEntityRefs', () => {
  afterEach(() => jest.restoreAllMocks());

  it('asks the catalog once, with the caller credentials, about each reference once', async () => {
    const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const readable = await readableEntityRefs(
      catalog,
      [
        'component:default/web',
        'component:default/ledger',
        'component:default/ledger',
      ],
      { credentials },
    );
    expect([...readable]).toEqual(['component:default/ledger']);
    expect(byRefs).toHaveBeenCalledTimes(1);
    expect(byRefs).toHaveBeenCalledWith(
      {
        entityRefs: ['component:default/web', 'component:default/ledger'],
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
  });

  it('does not ask the catalog about no references', async () => {
    const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    expect(await readableEntityRefs(catalog, [], { credentials })).toEqual(
      new Set(),
    );
    expect(byRefs).not.toHaveBeenCalled();
  });
});
