import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  EntityOwnershipResponse,
  parseOwnershipRoles,
} from '@triad/plugin-ownership-common';
import { Server, createServer } from 'http';
import { AddressInfo } from 'net';
import { createLookupAction } from './lookupAction';
import { exampleInput, runAction } from '@triad/test-utils';

const summary = (ref: string) => {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return { ref, kind, namespace, name };
};

const checkout: EntityOwnershipResponse = {
  entity: { ...summary('component:default/checkout-service') },
  roles: [
    {
      role: 'devops',
      title: 'DevOps',
      status: 'covered',
      owner: summary('group:default/checkout-team'),
      provenance: {
        source: 'default',
        path: ['component:default/checkout-service'],
      },
    },
    {
      role: 'sre',
      title: 'SRE',
      status: 'covered',
      owner: summary('group:default/sre-core'),
      provenance: {
        source: 'inherited',
        path: ['component:default/checkout-service', 'system:default/checkout'],
      },
    },
    {
      role: 'platform',
      title: 'Platform',
      status: 'orphaned',
      owner: summary('group:default/gone-team'),
      provenance: {
        source: 'explicit',
        path: ['component:default/checkout-service'],
      },
    },
  ],
  indexedAt: '2026-11-28T10:00:00.000Z',
};

describe('ownership:lookup', () => {
  const mockDir = createMockDirectory();
  let server: Server;
  let baseUrl: string;
  const requests: Array<{ url?: string; authorization?: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push({ url: req.url, authorization: req.headers.authorization });
      const ok =
        req.url ===
        '/api/ownership/v1/entities/component/default/checkout-service';
      res.writeHead(ok ? 200 : 404, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify(
          ok ? checkout : { error: { name: 'NotFoundError', message: 'nope' } },
        ),
      );
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(r => server.close(r)));
  beforeEach(() => {
    requests.length = 0;
  });

  const actionFor = (url: () => string) =>
    createLookupAction({
      discovery: {
        getBaseUrl: async id => `${url()}/api/${id}`,
        getExternalBaseUrl: async id => `${url()}/api/${id}`,
      },
      auth: mockServices.auth(),
      roles: parseOwnershipRoles(undefined),
    });
  const action = actionFor(() => baseUrl);
  const run = (input: Record<string, unknown>, isDryRun = false) =>
    runAction(action, input, { workspacePath: mockDir.path, isDryRun });

  it('outputs one value per covered role, asking on behalf of the user', async () => {
    const output = await run({ entityRef: 'checkout-service' });
    expect(output).toEqual({
      entityRef: 'component:default/checkout-service',
      owners: {
        devops: 'group:default/checkout-team',
        sre: 'group:default/sre-core',
      },
      devops: 'group:default/checkout-team',
      sre: 'group:default/sre-core',
      roles: [
        {
          role: 'devops',
          title: 'DevOps',
          status: 'covered',
          ref: 'group:default/checkout-team',
          source: 'default',
        },
        {
          role: 'sre',
          title: 'SRE',
          status: 'covered',
          ref: 'group:default/sre-core',
          source: 'inherited',
        },
        {
          role: 'platform',
          title: 'Platform',
          status: 'orphaned',
          ref: 'group:default/gone-team',
          source: 'explicit',
        },
      ],
      uncovered: ['platform'],
    });
    expect(requests).toEqual([
      {
        url: '/api/ownership/v1/entities/component/default/checkout-service',
        authorization: `Bearer ${mockCredentials.service.token({
          onBehalfOf: mockCredentials.user(),
          targetPluginId: 'ownership',
        })}`,
      },
    ]);
  });

  it('fails on uncovered roles when asked to', async () => {
    await expect(
      run({
        entityRef: 'component:default/checkout-service',
        failOnUncovered: true,
      }),
    ).rejects.toThrow(
      'component:default/checkout-service has nobody for platform',
    );
  });

  it('looks up in dry runs too, since it only reads', async () => {
    expect((await run({ entityRef: 'checkout-service' }, true)).sre).toBe(
      'group:default/sre-core',
    );
  });

  it('says what went wrong', async () => {
    await expect(run({ entityRef: 'system:unknown' })).rejects.toThrow(
      'entityRef: system:default/unknown is not in the catalog, or you may not see it',
    );
    await expect(
      runAction(
        actionFor(() => 'http://127.0.0.1:1'),
        { entityRef: 'checkout-service' },
        { workspacePath: mockDir.path },
      ),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        'The ownership backend could not answer for component:default/checkout-service',
      ),
    });
  });

  it('declares an output per configured role', () => {
    const custom = createLookupAction({
      discovery: mockServices.discovery(),
      auth: mockServices.auth(),
      roles: parseOwnershipRoles([{ id: 'security', title: 'Security' }]),
    });
    expect(Object.keys((custom.schema?.output as any).properties)).toEqual([
      'entityRef',
      'owners',
      'roles',
      'uncovered',
      'security',
    ]);
  });

  it.each(action.examples!.map(e => [e.description, e.example]))(
    'runs the example: %s',
    async (_description, example) => {
      expect((await run(exampleInput(example))).sre).toBe(
        'group:default/sre-core',
      );
    },
  );
});
