/*
 * triad-slo mark as a pipeline runs it, against a local HTTP server that
 * speaks the SLO backend's documented events API
 * (plugins/slo-backend/src/schema/openapi.yaml): bearer tokens, 201 for a
 * new id and 200 for one sent again, Backstage's error format.
 */
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { runCli } from './__testUtils__/runCli';

const TOKEN = 'pipeline-token';

describe('triad-slo mark', () => {
  let server: Server;
  let url: string;
  const received: Array<{ auth?: string; body: any }> = [];
  const stored = new Map<string, any>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', c => {
        raw += c;
      });
      req.on('end', () => {
        const reply = (status: number, json: object) => {
          res.writeHead(status, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(json));
        };
        const error = (status: number, name: string, message: string) =>
          reply(status, {
            error: { name, message },
            response: { statusCode: status },
          });
        if (req.method !== 'POST' || req.url !== '/api/slo/v1/events') {
          return error(404, 'NotFoundError', `${req.method} ${req.url}`);
        }
        const body = JSON.parse(raw);
        received.push({ auth: req.headers.authorization, body });
        if (req.headers.authorization !== `Bearer ${TOKEN}`) {
          return error(401, 'AuthenticationError', 'Illegal token');
        }
        if (body.link === 'ftp://x') {
          return error(400, 'InputError', 'link: must be an http or https URL');
        }
        const key = `${body.entityRef}|${body.id}`;
        const known = stored.has(key);
        const event = {
          ...body,
          entityRef: `component:default/${body.entityRef.replace(
            /^.*[/:]/,
            '',
          )}`,
          time: new Date(body.time).toISOString(),
          recordedAt: '2026-12-05T10:00:00.000Z',
        };
        stored.set(key, event);
        return reply(known ? 200 : 201, event);
      });
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(r => server.close(r)));
  beforeEach(() => {
    received.length = 0;
  });

  it('records a deploy with the token, and again under the same id', async () => {
    const args = [
      'mark',
      'checkout-service',
      '--url',
      url,
      '--id',
      'gh-4711-1',
      '--title',
      'Deploy 1.4.2',
      '--time',
      '2026-12-05T09:30:00Z',
      '--link',
      'https://github.com/acme/checkout/actions/runs/4711',
      '--release-version',
      '1.4.2',
    ];
    const result = await runCli(args, { env: { TRIAD_SLO_TOKEN: TOKEN } });
    expect(result).toEqual({
      code: 0,
      stdout:
        'marked deploy gh-4711-1 of component:default/checkout-service at 2026-12-05T09:30:00.000Z: Deploy 1.4.2\n',
      stderr: '',
    });
    expect(received).toEqual([
      {
        auth: `Bearer ${TOKEN}`,
        body: {
          id: 'gh-4711-1',
          entityRef: 'checkout-service',
          type: 'deploy',
          time: '2026-12-05T09:30:00Z',
          title: 'Deploy 1.4.2',
          link: 'https://github.com/acme/checkout/actions/runs/4711',
          version: '1.4.2',
        },
      },
    ]);
    // A retried step: same id, same answer, one event.
    expect((await runCli([...args, '--token', TOKEN])).code).toBe(0);
    expect(stored.size).toBe(1);
  });

  it('sends an incident with its end, and "now" when no time is given', async () => {
    const result = await runCli(
      [
        'mark',
        'component:default/payments-gateway',
        '--url',
        url,
        '--token',
        TOKEN,
        '--type',
        'incident',
        '--id',
        'INC-12',
        '--title',
        'Card processor outage',
        '--end',
        '2026-12-05T10:00:00Z',
      ],
      {},
    );
    expect(result.code).toBe(0);
    const [{ body }] = received;
    expect(body).toMatchObject({
      type: 'incident',
      end: '2026-12-05T10:00:00Z',
    });
    // The time is this machine's clock when the step ran, not a fixed one.
    expect(Number.isFinite(Date.parse(body.time))).toBe(true);
  });

  it('exits 1 when the backend refuses the event, 2 without a token, a backend or a valid type', async () => {
    const base = ['mark', 'svc', '--url', url, '--id', 'x', '--title', 'T'];
    const refused = await runCli([
      ...base,
      '--token',
      TOKEN,
      '--link',
      'ftp://x',
    ]);
    expect(refused).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'the backend refused the event: link: must be an http or https URL\n',
    });
    const noToken = await runCli(base);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/a token is required/);
    const badToken = await runCli([...base, '--token', 'nope']);
    expect(badToken.code).toBe(2);
    expect(badToken.stderr).toMatch(/refused the token \(401\)/);
    const badType = await runCli([...base, '--token', TOKEN, '--type', 'oops']);
    expect(badType.code).toBe(2);
    expect(badType.stderr).toMatch(/deploy, incident, maintenance/);
    const closed = createServer();
    await new Promise<void>(r => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(r => closed.close(r));
    const down = await runCli([
      ...base.slice(0, 2),
      '--url',
      `http://127.0.0.1:${port}`,
      ...base.slice(4),
      '--token',
      TOKEN,
    ]);
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/cannot reach .*ECONNREFUSED/);
  });
});
