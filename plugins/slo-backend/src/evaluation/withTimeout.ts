import { ServiceUnavailableError } from '@backstage/errors';

/**
 * Runs `run`, aborting its signal and failing with a 503 naming `what` when
 * it takes longer than `ms`.
 */
export async function withTimeout<T>(
  run: (signal: AbortSignal) => Promise<T>,
  ms: number,
  what: string,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new ServiceUnavailableError(
          `${what} did not answer within ${ms / 1000}s`,
        ),
      );
    }, ms);
  });
  try {
    // Race as well as abort: a source that ignores the signal cannot hold the request.
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
