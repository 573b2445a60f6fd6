import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_OWNERSHIP_ROLES } from '@triad/plugin-ownership-common';
import { testCatalog } from '../__fixtures__/catalog';
import { OwnershipIndexer } from './OwnershipIndexer';

function setup(queryEntities?: jest.Mock) {
  const catalog = catalogServiceMock.mock({
    queryEntities:
      queryEntities ??
      jest.fn(async () => ({
        items: testCatalog(),
        totalItems: 0,
        pageInfo: {},
      })),
  });
  const indexer = new OwnershipIndexer({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    roles: DEFAULT_OWNERSHIP_ROLES.map(r => ({ ...r })),
    clock: () => new Date('2026-11-28T10:00:00Z'),
  });
  return { catalog, indexer };
}

const page = (items: Entity[]) => ({ items, totalItems: 0, pageInfo: {} });

describe('OwnershipIndexer', () => {
  afterEach(() => jest.useRealTimers());

  it('builds the index with its own service credentials', async () => {
    const { catalog, indexer } = setup();
    const index = await indexer.current();
    expect(index.entity('component:default/ledger')).toBeDefined();
    expect(catalog.queryEntities).toHaveBeenCalledWith(expect.anything(), {
      credentials: expect.objectContaining({
        principal: expect.objectContaining({ type: 'service' }),
      }),
    });
    // Later requests are served from memory.
    await indexer.current();
    expect(catalog.queryEntities).toHaveBeenCalledTimes(1);
  });

  it('runs one build at a time and queues one more for calls during it', async () => {
    let release!: () => void;
    let started!: () => void;
    const firstQuery = new Promise<void>(r => (started = r));
    const queryEntities = jest
      .fn()
      .mockImplementationOnce(
        () =>
          new Promise(r => {
            release = () => r(page([]));
            started();
          }),
      )
      .mockResolvedValue(page(testCatalog()));
    const { indexer } = setup(queryEntities);
    const first = indexer.refresh();
    const second = indexer.refresh();
    const third = indexer.refresh();
    expect(second).toBe(third);
    await firstQuery;
    release();
    expect((await first).entities()).toEqual([]);
    expect((await second).entities().length).toBeGreaterThan(0);
    expect(queryEntities).toHaveBeenCalledTimes(2);
  });

  it('answers 503 until a first build succeeds, then keeps the last good index', async () => {
    const queryEntities = jest
      .fn()
      .mockRejectedValueOnce(new Error('catalog is starting'))
      .mockResolvedValueOnce(page(testCatalog()))
      .mockRejectedValueOnce(new Error('catalog went away'));
    const { indexer } = setup(queryEntities);
    await expect(indexer.current()).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        'The ownership index could not be built yet: catalog is starting',
    });
    const good = await indexer.current();
    await expect(indexer.refresh()).rejects.toThrow('catalog went away');
    expect(await indexer.current()).toBe(good);
  });

  it('folds events arriving before the delay into one rebuild', async () => {
    jest.useFakeTimers();
    const { catalog, indexer } = setup();
    indexer.refreshSoon(30_000);
    indexer.refreshSoon(30_000);
    jest.advanceTimersByTime(29_999);
    expect(catalog.queryEntities).not.toHaveBeenCalled();
    indexer.refreshSoon(30_000);
    await jest.advanceTimersByTimeAsync(1);
    expect(catalog.queryEntities).toHaveBeenCalledTimes(1);

    indexer.refreshSoon(30_000);
    indexer.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(catalog.queryEntities).toHaveBeenCalledTimes(1);
  });
});
