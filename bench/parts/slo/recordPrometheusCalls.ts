import { now } from '../../lib/util';

/** Every request to Prometheus's query API made in this process. */
export function recordPrometheusCalls(prometheusUrl: string) {
  let calls: { body: string; ms: number }[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: any, init?: any) => {
    const url = String(input?.url ?? input);
    if (!url.startsWith(`${prometheusUrl}/api/v1/query`))
      return realFetch(input, init);
    const started = now();
    const res = await realFetch(input, init);
    const text = await res.text();
    calls.push({ body: String(init?.body ?? ''), ms: now() - started });
    return new Response(text, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  }) as typeof fetch;
  return {
    /** fetch as it was, for the bench's own requests. */
    realFetch,
    /** The calls since the last reset. */
    calls: () => calls,
    reset() {
      calls = [];
    },
    restore() {
      globalThis.fetch = realFetch;
    },
  };
}
