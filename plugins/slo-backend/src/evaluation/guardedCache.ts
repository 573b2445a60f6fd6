import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';

/** What a guarded cache waits for, and how long it leaves an unhealthy cache alone. */
export interface CacheGuardOptions {
  /** How long one cache call may take before it counts as failed. */
  waitMs: number;
  /** How long the cache is skipped after a failed call. */
  backOffMs: number;
  logger: LoggerService;
}

/**
 * A cache that never holds up or fails an answer: a call that fails or takes
 * longer than `waitMs` counts as a miss (a write is dropped), and the cache
 * is then skipped for `backOffMs`. A Redis that is gone (stopped, frozen,
 * unreachable) otherwise leaves every call waiting on a client that queues
 * commands until it reconnects. Instances made by `withOptions` share the
 * state: it is one cache server.
 */
export function guardedCache(
  cache: CacheService,
  options: CacheGuardOptions,
): CacheService {
  const { waitMs, backOffMs, logger } = options;
  const state = { skipUntil: 0, failing: false };

  async function guard<T>(op: () => Promise<T>, miss: T): Promise<T> {
    if (Date.now() < state.skipUntil) return miss;
    let timer: NodeJS.Timeout | undefined;
    const call = op();
    try {
      const result = await Promise.race([
        call,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(new Error(`the cache did not answer within ${waitMs} ms`)),
            waitMs,
          );
        }),
      ]);
      if (state.failing) {
        state.failing = false;
        logger.info('The cache answers again; using it');
      }
      return result;
    } catch (error) {
      // A call that gave up still ends some day; its failure is not news.
      call.catch(() => {});
      state.skipUntil = Date.now() + backOffMs;
      if (!state.failing) {
        state.failing = true;
        logger.warn(
          `Answering without the cache for ${backOffMs} ms at a time until it answers again: ${
            (error as Error).message
          }`,
        );
      }
      return miss;
    } finally {
      clearTimeout(timer);
    }
  }

  const wrap = (inner: CacheService): CacheService => ({
    get: <TValue extends JsonValue>(key: string) =>
      guard<TValue | undefined>(() => inner.get<TValue>(key), undefined),
    set: (key, value, setOptions) =>
      guard(() => inner.set(key, value, setOptions), undefined),
    delete: key => guard(() => inner.delete(key), undefined),
    withOptions: cacheOptions => wrap(inner.withOptions(cacheOptions)),
  });
  return wrap(cache);
}
