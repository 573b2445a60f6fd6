import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_OWNERSHIP_ROLES } from '@triad/plugin-ownership-common';
import { NotReadyError } from '@triad/backend-utils';
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

/**
 * A catalog whose entities the test changes, as the real one changes while
 * it loads its locations; and a clock the test moves.
 */
function loadingCatalog() {
  let entities: Entity[] = [];
  let inner = catalogServiceMock({ entities });
  const queryEntities = jest.fn(
    (...args: Parameters<typeof inner.queryEntities>) =>
      inner.queryEntities(...args),
  );
  let nowMs = Date.parse('2026-11-28T10:00:00Z');
  const indexer = new OwnershipIndexer({
    catalog: catalogServiceMock.mock({ queryEntities }),
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    roles: DEFAULT_OWNERSHIP_ROLES.map(r => ({ ...r })),
    clock: () => new Date(nowMs),
    retryAfterSeconds: 10,
  });
  return {
    indexer,
    queryEntities,
    load(next: Entity[]) {
      entities = next;
      inner = catalogServiceMock({ entities });
    },
    advance(ms: number) {
      nowMs += ms;
    },
  };
}

describe('OwnershipIndexer while the catalog loads', () => {
  it('answers 503 with a retry time until the catalog has entities, then builds on the next check', async () => {
    const { indexer, load } = loadingCatalog();
    // The build at start finds an empty catalog.
    expect((await indexer.refresh()).entities()).toEqual([]);
    const warming = await indexer.current().catch(e => e);
    expect(warming).toBeInstanceOf(NotReadyError);
    expect(warming).toMatchObject({
      name: 'ServiceUnavailableError',
      retryAfterSeconds: 10,
      message: expect.stringContaining(
        'The ownership index is warming up: the catalog holds no components',
      ),
    });
    // Nothing changed: the check does not rebuild.
    expect(await indexer.checkForChanges()).toBe(false);

    load(testCatalog());
    expect(await indexer.checkForChanges()).toBe(true);
    const index = await indexer.current();
    expect(index.entity('component:default/ledger')).toBeDefined();
  });

  it('only counts the catalog when nothing changed, and rebuilds when entities come or go', async () => {
    const { indexer, load, queryEntities } = loadingCatalog();
    const all = testCatalog();
    load(all);
    await indexer.refresh();
    queryEntities.mockClear();

    expect(await indexer.checkForChanges()).toBe(false);
    expect(queryEntities).toHaveBeenCalledTimes(1);
    expect(queryEntities).toHaveBeenCalledWith(
      expect.objectContaining({ limit: 1, fields: ['kind'] }),
      expect.anything(),
    );

    const ledger = all.find(x => x.metadata.name === 'ledger')!;
    load(all.filter(x => x !== ledger));
    expect(await indexer.checkForChanges()).toBe(true);
    expect((await indexer.current()).entity('component:default/ledger')).toBe(
      undefined,
    );
    load(all);
    expect(await indexer.checkForChanges()).toBe(true);
    expect(
      (await indexer.current()).entity('component:default/ledger'),
    ).toBeDefined();
  });

  it('leaves three build lengths between rebuilds triggered by the count', async () => {
    const { indexer, load, advance, queryEntities } = loadingCatalog();
    const all = testCatalog();
    load(all);
    // A build that takes 20 s: the clock moves while the catalog is read.
    queryEntities.mockImplementationOnce(async (...args) => {
      advance(20_000);
      return catalogServiceMock({ entities: all }).queryEntities(...args);
    });
    await indexer.refresh();
    load(all.slice(1));
    queryEntities.mockClear();

    advance(59_999);
    expect(await indexer.checkForChanges()).toBe(false);
    expect(queryEntities).not.toHaveBeenCalled();
    advance(1);
    expect(await indexer.checkForChanges()).toBe(true);
  });
});
