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

  it('asks about a long list 1,000 references a request, several at once', async () => {
    // 2,500 references, the ledger among them twice: 2,500 unique ones are
    // asked in requests of 1,000, 1,000 and 500, all sent before any answer.
    const refs = Array.from(
      { length: 2499 },
      (_, i) => `component:default/c${i}`,
    );
    refs.splice(
      1500,
      0,
      'component:default/ledger',
      'component:default/ledger',
    );
    let inFlight = 0;
    let most = 0;
    const real = catalog.getEntitiesByRefs.bind(catalog);
    const byRefs = jest
      .spyOn(catalog, 'getEntitiesByRefs')
      .mockImplementation(async (request, opts) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise(resolve => setImmediate(resolve));
        inFlight--;
        return real(request, opts);
      });
    const readable = await readableEntityRefs(catalog, refs, { credentials });
    expect([...readable]).toEqual(['component:default/ledger']);
    expect(byRefs.mock.calls.map(([r]) => r.entityRefs.length)).toEqual([
      1000, 1000, 500,
    ]);
    expect(byRefs.mock.calls[1][0].entityRefs[500]).toBe(
      'component:default/ledger',
    );
    expect(most).toBe(3);
  });

  it('does not ask the catalog about no references', async () => {
    const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    expect(await readableEntityRefs(catalog, [], { credentials })).toEqual(
      new Set(),
    );
    expect(byRefs).not.toHaveBeenCalled();
  });
});
