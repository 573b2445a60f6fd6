import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { exampleInput, runAction } from '@triad/test-utils';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { createEventCreateAction } from './eventCreateAction';

/*
 * Against a stand-in for the SLO backend's documented events endpoint
 * (plugins/slo-backend/src/schema/openapi.yaml) on a loopback port.
 */
describe('slo:event:create', () => {
  const mockDir = createMockDirectory();
  let server: Server;
  let baseUrl: string;
  const requests: Array<{ authorization?: string; body: any }> = [];
  const known = new Set<string>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', c => {
        raw += c;
      });
      req.on('end', () => {
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { 'Content-Type': 'application/json' });
          // Errors in Backstage's format carry the status again.
          res.end(
            JSON.stringify(
              status >= 400
                ? { ...(body as object), response: { statusCode: status } }
                : body,
            ),
          );
        };
        const body = JSON.parse(raw);
        requests.push({ authorization: req.headers.authorization, body });
        if (body.entityRef === 'component:default/hidden') {
          return send(404, {
            error: { name: 'NotFoundError', message: 'No entity found' },
          });
        }
        if (body.title === 'denied') {
          return send(403, {
            error: {
              name: 'NotAllowedError',
              message:
                'recording events needs the permission slo.events.create',
            },
          });
        }
        if (Number.isNaN(Date.parse(body.time))) {
          return send(400, {
            error: {
              name: 'InputError',
              message: 'time: must be an ISO 8601 time or epoch milliseconds',
            },
          });
        }
        const key = `${body.entityRef}|${body.id}`;
        const status = known.has(key) ? 200 : 201;
        known.add(key);
        return send(status, {
          ...body,
          time: new Date(body.time).toISOString(),
          recordedAt: '2026-12-05T10:00:00.000Z',
        });
      });
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(r => server.close(r)));
  beforeEach(() => {
    requests.length = 0;
  });

  const action = createEventCreateAction({
    discovery: {
      getBaseUrl: async (pluginId: string) => `${baseUrl}/api/${pluginId}`,
      getExternalBaseUrl: async (pluginId: string) =>
        `${baseUrl}/api/${pluginId}`,
    },
    auth: mockServices.auth(),
  });
  const run = (input: Record<string, unknown>, isDryRun = false) =>
    runAction(action, input, { workspacePath: mockDir.path, isDryRun });

  it('records a deploy on behalf of the user, with the defaults applied', async () => {
    const output = await run({
      entityRef: 'checkout-service',
      id: 'release-1.4.2',
      title: 'Deploy 1.4.2',
      time: '2026-12-05T09:30:00Z',
      version: '1.4.2',
    });
    expect(output).toEqual({
      entityRef: 'component:default/checkout-service',
      id: 'release-1.4.2',
      time: '2026-12-05T09:30:00.000Z',
    });
    expect(requests).toEqual([
      {
        authorization: `Bearer ${mockCredentials.service.token({
          onBehalfOf: mockCredentials.user(),
          targetPluginId: 'slo',
        })}`,
        body: {
          id: 'release-1.4.2',
          entityRef: 'component:default/checkout-service',
          type: 'deploy',
          time: '2026-12-05T09:30:00Z',
          title: 'Deploy 1.4.2',
          version: '1.4.2',
        },
      },
    ]);
  });

  it('only says what it would record in a dry run', async () => {
    const output = await run(
      { entityRef: 'checkout-service', id: 'x', title: 'Deploy' },
      true,
    );
    expect(output.id).toBe('x');
    expect(requests).toEqual([]);
  });

  it("passes the backend's refusals on as the matching errors", async () => {
    const base = { entityRef: 'checkout-service', id: 'x', title: 'T' };
    await expect(run({ ...base, time: 'soon' })).rejects.toMatchObject({
      name: 'InputError',
      message: 'time: must be an ISO 8601 time or epoch milliseconds',
    });
    await expect(run({ ...base, entityRef: 'hidden' })).rejects.toMatchObject({
      name: 'InputError',
      message:
        'entityRef: component:default/hidden is not in the catalog, or you may not see it',
    });
    await expect(run({ ...base, title: 'denied' })).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: 'recording events needs the permission slo.events.create',
    });
    await expect(run({ ...base, entityRef: 'component:' })).rejects.toThrow(
      'entityRef: "component:" is not an entity reference',
    );
  });

  it.each(action.examples!.map(e => [e.description, e.example]))(
    'runs the example: %s',
    async (_description, example) => {
      // Template expressions stay as written: the runner fills them in.
      const output = await run(exampleInput(example));
      expect(output.entityRef).toBe('component:default/checkout-service');
    },
  );
});
