import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { INDEX_FIELDS, readCatalogEntities } from './readCatalogEntities';

const component = (i: number): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: `c${i}`, namespace: 'default', annotations: { big: 'x' } },
  spec: { owner: 'team', type: 'service', lifecycle: 'production' },
});

describe('readCatalogEntities', () => {
  it('pages through the catalog with a field projection', async () => {
    const entities = [
      ...Array.from({ length: 12 }, (_, i) => component(i)),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Template',
        metadata: { name: 'not-indexed' },
        spec: {},
      },
    ];
    const catalog = catalogServiceMock({ entities });
    const queryEntities = jest.spyOn(catalog, 'queryEntities');
    const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
    const credentials = mockCredentials.service('plugin:ownership');

    const read = await readCatalogEntities(catalog, credentials, 5);

    expect(read.map(e => e.metadata.name).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `c${i}`).sort(),
    );
    // Only the projected fields arrive.
    expect(read[0].metadata.annotations).toEqual({ big: 'x' });
    expect(read[0].apiVersion).toBeUndefined();
    expect(queryEntities).toHaveBeenCalledTimes(3);
    expect(queryEntities.mock.calls[0]).toEqual([
      {
        filter: {
          kind: [
            'Component',
            'System',
            'Domain',
            'Resource',
            'API',
            'Group',
            'User',
          ],
        },
        fields: INDEX_FIELDS,
        limit: 5,
      },
      { credentials },
    ]);
    expect(queryEntities.mock.calls[1][0]).toEqual({
      cursor: expect.any(String),
      fields: INDEX_FIELDS,
      limit: 5,
    });
    expect(getEntityByRef).not.toHaveBeenCalled();
  });
});
