import { CacheService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { guardedCache } from './guardedCache';

/** A cache server that answers, hangs (frozen) or refuses (gone), as told. */
function fakeCache() {
  const data = new Map<string, unknown>();
  const server = { mode: 'up' as 'up' | 'frozen' | 'gone', calls: 0 };
  const answer = <T>(value: () => T): Promise<T> => {
    server.calls++;
    if (server.mode === 'frozen') return new Promise<T>(() => {});
    if (server.mode === 'gone') {
      return Promise.reject(new Error('connect ECONNREFUSED'));
    }
    return Promise.resolve(value());
  };
  const cache: CacheService = {
    get: async key => answer(() => data.get(key) as any),
    set: async (key, value) => answer(() => void data.set(key, value)),
    delete: async key => answer(() => void data.delete(key)),
    withOptions: () => cache,
  };
  return { cache, server, data };
}

describe('guardedCache', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const setup = () => {
    const fake = fakeCache();
    const logger = mockServices.logger.mock();
    const cache = guardedCache(fake.cache, {
      waitMs: 500,
      backOffMs: 5000,
      logger,
    });
    return { ...fake, cache, logger };
  };

  it('passes calls through while the cache answers', async () => {
    const { cache, data } = setup();
    await cache.set('k', { v: 1 }, { ttl: 1000 });
    expect(data.get('k')).toEqual({ v: 1 });
    await expect(cache.get('k')).resolves.toEqual({ v: 1 });
    await cache.delete('k');
    await expect(cache.get('k')).resolves.toBeUndefined();
  });

  it('answers a miss after waitMs when the cache hangs, then skips it for backOffMs', async () => {
    const { cache, server, data, logger } = setup();
    data.set('k', 'cached');
    server.mode = 'frozen';
    let got: unknown = 'pending';
    cache.get('k').then(v => (got = v));
    await jest.advanceTimersByTimeAsync(499);
    expect(got).toBe('pending');
    await jest.advanceTimersByTimeAsync(1);
    expect(got).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledTimes(1);

    // Backing off: no call reaches the cache, writes are dropped at once.
    const calls = server.calls;
    await expect(cache.get('k')).resolves.toBeUndefined();
    await expect(cache.set('k', 'new')).resolves.toBeUndefined();
    await jest.advanceTimersByTimeAsync(4999 - 500);
    await expect(cache.get('k')).resolves.toBeUndefined();
    expect(server.calls).toBe(calls);
    expect(data.get('k')).toBe('cached');

    // Back off over and the cache answers again: it is used, and said so.
    await jest.advanceTimersByTimeAsync(501);
    server.mode = 'up';
    await expect(cache.get('k')).resolves.toBe('cached');
    expect(server.calls).toBe(calls + 1);
    expect(logger.info).toHaveBeenCalledWith(
      'The cache answers again; using it',
    );
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('backs off at once when the cache refuses, and tries again after backOffMs', async () => {
    const { cache, server } = setup();
    server.mode = 'gone';
    await expect(cache.set('k', 'v')).resolves.toBeUndefined();
    expect(server.calls).toBe(1);
    await expect(cache.get('k')).resolves.toBeUndefined();
    expect(server.calls).toBe(1);
    await jest.advanceTimersByTimeAsync(5000);
    await expect(cache.get('k')).resolves.toBeUndefined();
    expect(server.calls).toBe(2);
  });

  it('shares the back-off with caches made by withOptions', async () => {
    const { cache, server } = setup();
    server.mode = 'gone';
    await cache.get('k');
    const other = cache.withOptions({ defaultTtl: 1000 });
    await expect(other.get('k')).resolves.toBeUndefined();
    expect(server.calls).toBe(1);
  });
});
