import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { queryAllEntities } from './queryAllEntities';

const component = (i: number): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: `c${i}`, namespace: 'default' },
  spec: { owner: 'team' },
});

const credentials = mockCredentials.service('plugin:test');

describe('queryAllEntities', () => {
  it('reads every matching entity page by page, projecting every page', async () => {
    const catalog = catalogServiceMock({
      entities: [
        ...Array.from({ length: 7 }, (_, i) => component(i)),
        { ...component(99), kind: 'Group' },
      ],
    });
    const query = jest.spyOn(catalog, 'queryEntities');

    const read = await queryAllEntities(
      catalog,
      { filter: { kind: 'Component' }, fields: ['metadata.name'], pageSize: 3 },
      { credentials },
    );

    expect(read.map(e => e.metadata.name).sort()).toEqual(
      ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6'].sort(),
    );
    expect(read[0].kind).toBeUndefined();
    expect(query).toHaveBeenCalledTimes(3);
    expect(query.mock.calls[0]).toEqual([
      { filter: { kind: 'Component' }, fields: ['metadata.name'], limit: 3 },
      { credentials },
    ]);
    expect(query.mock.calls[2]).toEqual([
      { cursor: expect.any(String), fields: ['metadata.name'], limit: 3 },
      { credentials },
    ]);
  });

  it('asks for pages of 500 unless told otherwise', async () => {
    const catalog = catalogServiceMock({ entities: [component(1)] });
    const query = jest.spyOn(catalog, 'queryEntities');
    await queryAllEntities(catalog, { filter: {} }, { credentials });
    expect(query.mock.calls[0][0]).toMatchObject({ limit: 500 });
  });

  it('stops at an empty page even when it names another', async () => {
    const catalog = catalogServiceMock.mock({
      queryEntities: jest.fn(async () => ({
        items: [],
        totalItems: 0,
        pageInfo: { nextCursor: 'again' },
      })),
    });
    await expect(
      queryAllEntities(catalog, { filter: {} }, { credentials }),
    ).resolves.toEqual([]);
    expect(catalog.queryEntities).toHaveBeenCalledTimes(1);
  });
});
