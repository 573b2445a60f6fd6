/**
 * Waits until `ping` succeeds (asking every `intervalMs`), or until `signal`
 * aborts. Says whether the database answered.
 */
export async function waitForDatabase(
  ping: () => Promise<unknown>,
  options: { intervalMs: number; signal: AbortSignal },
): Promise<boolean> {
  const { intervalMs, signal } = options;
  while (!signal.aborted) {
    try {
      await ping();
      return true;
    } catch {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>(resolve => {
        const done = () => {
          signal.removeEventListener('abort', done);
          resolve();
        };
        timer = setTimeout(done, intervalMs);
        signal.addEventListener('abort', done);
      });
      clearTimeout(timer);
    }
  }
  return false;
}
