import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { freePort } from './testUtils/freePort';
import {
  answerJson,
  FakeServer,
  startFakeServer,
} from './__testUtils__/startFakeServer';
import { queryPrometheus } from './queryPrometheus';

const at = new Date('2026-11-01T12:00:00.500Z');

async function withServer(
  handler: Parameters<typeof startFakeServer>[0],
  run: (server: FakeServer) => Promise<void>,
) {
  const server = await startFakeServer(handler);
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

const query = (
  baseUrl: string,
  signal: AbortSignal = new AbortController().signal,
) =>
  queryPrometheus(
    {
      name: 'prom',
      baseUrl,
      headers: { Authorization: 'Bearer tok', 'X-Scope-OrgID': 'tenant-a' },
    },
    { query: 'up', at, signal, purpose: 'SLO "checkout"' },
  );

describe('queryPrometheus', () => {
  it('posts the query with the configured headers and returns the vector', async () => {
    const result = [{ metric: { a: 'b' }, value: [1, '2'] }];
    await withServer(
      (_req, res) =>
        answerJson(res, 200, {
          status: 'success',
          data: { resultType: 'vector', result },
        }),
      async server => {
        await expect(query(`${server.url}/prefix`)).resolves.toEqual(result);
        const [req] = server.requests;
        expect(req.method).toBe('POST');
        expect(req.url).toBe('/prefix/api/v1/query');
        expect(req.headers.authorization).toBe('Bearer tok');
        expect(req.headers['x-scope-orgid']).toBe('tenant-a');
        expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
          query: 'up',
          time: String(at.getTime() / 1000),
        });
      },
    );
  });

  it('turns a refused query into an InputError with Prometheus’s message', async () => {
    await withServer(
      (_req, res) =>
        answerJson(res, 400, {
          status: 'error',
          errorType: 'bad_data',
          error: '1:5: parse error: unexpected right parenthesis',
        }),
      async server => {
        const error = await query(server.url).catch(e => e);
        expect(error).toBeInstanceOf(InputError);
        expect(error.message).toBe(
          `Prometheus data source "prom" (${server.url}) refused the query for SLO "checkout" (HTTP 400 Bad Request, bad_data): 1:5: parse error: unexpected right parenthesis`,
        );
      },
    );
  });

  it.each([
    [
      'an HTML page',
      200,
      'text/html',
      '<html><body>Grafana</body></html>',
      /answered HTTP 200 OK without Prometheus API JSON: <html><body>Grafana<\/body><\/html>; is baseUrl the root of a Prometheus HTTP API\?/,
    ],
    [
      'a proxy error',
      502,
      'text/plain',
      'upstream connect error',
      /answered HTTP 502 Bad Gateway without Prometheus API JSON: upstream connect error$/,
    ],
    [
      'refused credentials',
      401,
      'text/plain',
      'Unauthorized',
      /HTTP 401 Unauthorized .*check the bearerToken or headers/,
    ],
    [
      'a server-side timeout',
      503,
      'application/json',
      JSON.stringify({
        status: 'error',
        errorType: 'timeout',
        error: 'query timed out in expression evaluation',
      }),
      /refused the query for SLO "checkout" \(HTTP 503 Service Unavailable, timeout\): query timed out/,
    ],
    [
      'a matrix',
      200,
      'application/json',
      JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [] },
      }),
      /answered a matrix where an instant vector was expected/,
    ],
  ])(
    'answers ServiceUnavailableError for %s',
    async (_, status, type, body, message) => {
      await withServer(
        (_req, res) => {
          res.writeHead(status, { 'Content-Type': type });
          res.end(body);
        },
        async server => {
          const error = await query(server.url).catch(e => e);
          expect(error).toBeInstanceOf(ServiceUnavailableError);
          expect(error.message).toMatch(message);
          expect(error.message).toContain('Prometheus data source "prom"');
          expect(error.message).not.toContain('tok');
        },
      );
    },
  );

  it('names the source when nothing listens', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const error = await query(url).catch(e => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toMatch(
      new RegExp(
        `^Prometheus data source "prom" \\(${url.replace(
          /\./g,
          '\\.',
        )}\\) is unreachable; caused by .*ECONNREFUSED`,
      ),
    );
  });

  it('gives up promptly when the signal fires on a slow server', async () => {
    await withServer(
      () => {
        // never answers
      },
      async server => {
        const error = await query(server.url, AbortSignal.timeout(200)).catch(
          e => e,
        );
        expect(error).toBeInstanceOf(ServiceUnavailableError);
        expect(error.message).toMatch(
          /^Prometheus data source "prom" .* did not answer the query for SLO "checkout" in time; gave up after \d+ ms$/,
        );
      },
    );
  });

  it('does not even ask when the signal has already fired', async () => {
    await withServer(
      (_req, res) => answerJson(res, 200, {}),
      async server => {
        const controller = new AbortController();
        controller.abort();
        await expect(query(server.url, controller.signal)).rejects.toThrow(
          ServiceUnavailableError,
        );
        expect(server.requests).toHaveLength(0);
      },
    );
  });
});
