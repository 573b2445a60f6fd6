/** An HTTP answer as the suite sees it; status 0 when there was none. */
export interface Answer {
  status: number;
  /** Parsed JSON, or the text when it is not JSON. */
  body: any;
  text: string;
  /** Response headers, lower-case names; none when there was no answer. */
  headers: Record<string, string>;
  ms: number;
  /** Why there was no answer (connection refused, timeout…). */
  failure?: string;
}

/** The message of a Backstage error body, if it is one. */
export function errorMessage(answer: Answer): string | undefined {
  const message = answer.body?.error?.message;
  return typeof message === 'string' ? message : undefined;
}

/**
 * One HTTP request with a hard time limit. Never throws: a request that got
 * no answer has status 0 and says why.
 */
export async function call(
  url: string,
  options: {
    method?: string;
    token?: string;
    json?: unknown;
    body?: string | Buffer | ReadableStream<Uint8Array>;
    headers?: Record<string, string>;
    timeoutMs?: number;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | Buffer | ReadableStream<Uint8Array> | undefined =
    options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['Content-Type'] ??= 'application/json';
  }
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      // A streamed body (no Content-Length) needs half-duplex mode.
      ...(body instanceof ReadableStream && { duplex: 'half' }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    } as RequestInit);
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return {
      status: res.status,
      body: parsed,
      text,
      headers: Object.fromEntries(res.headers),
      ms: performance.now() - started,
    };
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return {
      status: 0,
      body: undefined,
      text: '',
      headers: {},
      ms: performance.now() - started,
      failure: `${e.message}${e.cause ? `: ${e.cause.message}` : ''}`,
    };
  }
}
