/**
 * Asks `probe` until it returns something other than `undefined`, every
 * `intervalMs`. Meant for waiting on real processes (a catalog stitching
 * entities, a backend starting), whose pace no fake clock controls; the
 * deadline is a watchdog that names what never happened, not a threshold a
 * test measures.
 */
export async function poll<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}
