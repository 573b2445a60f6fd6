import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { promDuration } from '@triad/plugin-slo-common';
import { PromSample } from './readMeasurements';
import { PrometheusConnection } from './readConnection';

export interface QueryPrometheusOptions {
  query: string;
  at: Date;
  signal: AbortSignal;
  /** What the query is for, in error messages, e.g. `SLO "checkout"`. */
  purpose: string;
}

export interface QueryPrometheusRangeOptions {
  query: string;
  /** First and last evaluation time, epoch ms. */
  startMs: number;
  endMs: number;
  stepMs: number;
  signal: AbortSignal;
  purpose: string;
}

/** One series of a range-query answer (`resultType: matrix`). */
export interface PromSeries {
  metric: Record<string, string>;
  /** `[unix seconds, value]` pairs, oldest first. */
  values: [number, string][];
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat || '(empty body)';
}

/**
 * The innermost cause, e.g. `connect ECONNREFUSED` under `fetch failed`.
 * Duck-typed: undici's errors may come from another realm (e.g. under Jest).
 */
function rootCause(error: unknown): Error {
  let e: any = error;
  while (e?.cause && typeof e.cause === 'object') e = e.cause;
  // A failed connection to every address of a name is an AggregateError
  // without a message of its own.
  const message = e?.message || e?.code || String(e);
  const cause = new Error(message);
  cause.name = e?.name ?? 'Error';
  return cause;
}

/**
 * Runs one instant query through `POST /api/v1/query` (POST because the
 * combined query of an objective can outgrow URL limits) and returns the
 * vector it answers. Failures become `@backstage/errors` errors naming the
 * source: `InputError` when the query is refused, `ServiceUnavailableError`
 * when the source is down, slow, or answers something else than its API.
 */
export async function queryPrometheus(
  connection: PrometheusConnection,
  options: QueryPrometheusOptions,
): Promise<PromSample[]> {
  return (await callQueryApi(
    connection,
    'query',
    { query: options.query, time: String(options.at.getTime() / 1000) },
    'vector',
    options,
  )) as PromSample[];
}

/**
 * Runs one range query through `POST /api/v1/query_range` and returns the
 * matrix it answers; fails as {@link queryPrometheus} does. Times go as
 * RFC 3339 and the step as a duration, so that Prometheus evaluates at
 * exactly these milliseconds.
 */
export async function queryPrometheusRange(
  connection: PrometheusConnection,
  options: QueryPrometheusRangeOptions,
): Promise<PromSeries[]> {
  return (await callQueryApi(
    connection,
    'query_range',
    {
      query: options.query,
      start: new Date(options.startMs).toISOString(),
      end: new Date(options.endMs).toISOString(),
      step: promDuration(options.stepMs),
    },
    'matrix',
    options,
  )) as PromSeries[];
}

type QueryContext = { signal: AbortSignal; purpose: string };

async function callQueryApi(
  connection: PrometheusConnection,
  endpoint: 'query' | 'query_range',
  form: Record<string, string>,
  resultType: 'vector' | 'matrix',
  options: QueryContext,
): Promise<unknown[]> {
  const where = `Prometheus data source "${connection.name}" (${connection.baseUrl})`;
  const { response, text } = await postForm(
    connection,
    endpoint,
    form,
    where,
    options,
  );
  return readApiResult(response, text, resultType, where, options);
}

/** Sends the form; a source that is down or too slow is unavailable. */
async function postForm(
  connection: PrometheusConnection,
  endpoint: 'query' | 'query_range',
  form: Record<string, string>,
  where: string,
  options: QueryContext,
): Promise<{ response: Response; text: string }> {
  const started = Date.now();
  try {
    const response = await fetch(`${connection.baseUrl}/api/v1/${endpoint}`, {
      method: 'POST',
      headers: {
        ...connection.headers,
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(form).toString(),
      signal: options.signal,
    });
    return { response, text: await response.text() };
  } catch (error) {
    if (options.signal.aborted) {
      throw new ServiceUnavailableError(
        `${where} did not answer the query for ${
          options.purpose
        } in time; gave up after ${Date.now() - started} ms`,
      );
    }
    throw new ServiceUnavailableError(
      `${where} is unreachable`,
      rootCause(error),
    );
  }
}

/** The result of a Prometheus API answer, or the error it stands for. */
function readApiResult(
  response: Response,
  text: string,
  resultType: 'vector' | 'matrix',
  where: string,
  options: QueryContext,
): unknown[] {
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const http = `HTTP ${response.status}${
    response.statusText ? ` ${response.statusText}` : ''
  }`;
  if (body?.status !== 'success' && body?.status !== 'error') {
    let hint = '';
    if (response.status === 401 || response.status === 403) {
      hint = '; check the bearerToken or headers of this data source';
    } else if (response.ok) {
      hint = '; is baseUrl the root of a Prometheus HTTP API?';
    }
    throw new ServiceUnavailableError(
      `${where} answered ${http} without Prometheus API JSON: ${snippet(
        text,
      )}${hint}`,
    );
  }
  if (body.status === 'error') {
    const message = `${where} refused the query for ${
      options.purpose
    } (${http}, ${body.errorType ?? 'error'}): ${body.error ?? snippet(text)}`;
    // 400 bad_data and 422 execution errors are about the query itself.
    if (
      body.errorType === 'bad_data' ||
      response.status === 400 ||
      response.status === 422
    ) {
      throw new InputError(message);
    }
    throw new ServiceUnavailableError(message);
  }
  if (
    body.data?.resultType !== resultType ||
    !Array.isArray(body.data.result)
  ) {
    throw new ServiceUnavailableError(
      `${where} answered a ${
        body.data?.resultType ?? 'malformed result'
      } where ${
        resultType === 'vector' ? 'an instant vector' : 'a range matrix'
      } was expected`,
    );
  }
  return body.data.result;
}
