import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { PolicyDecision } from '@triad/plugin-slo-common';
import { Server, createServer } from 'http';
import { AddressInfo } from 'net';
import { createPolicyCheckAction } from './policyCheckAction';
import { exampleInput, runAction } from '@triad/test-utils';

const allowed: PolicyDecision = {
  entityRef: 'component:default/checkout-service',
  releaseAllowed: true,
  summary: 'Release allowed: no objective is out of budget or burning fast.',
  reasons: [
    {
      sloRef: 'slo:default/checkout-availability',
      blocking: false,
      message: 'Checkout availability has 72.0 % of its error budget left',
    },
  ],
  evaluatedAt: '2026-11-28T10:00:00.000Z',
  policy: {
    minRemainingBudget: 0.1,
    blockOnPageAlert: true,
    source: 'service',
    sources: { minRemainingBudget: 'service', blockOnPageAlert: 'default' },
    problems: [],
  },
};

const blocked: PolicyDecision = {
  entityRef: 'component:default/payments-gateway',
  releaseAllowed: false,
  summary:
    'Release blocked: Payment authorisation availability has -12.0 % of its error budget left, below the policy minimum of 0.0 %.',
  reasons: [
    {
      sloRef: 'slo:default/payments-gateway-availability',
      objective: 'Authorisations answered',
      blocking: true,
      message:
        'Payment authorisation availability has -12.0 % of its error budget left, below the policy minimum of 0.0 %',
    },
    {
      sloRef: 'slo:default/payments-latency',
      blocking: false,
      message: 'Payments latency has no data',
    },
  ],
  evaluatedAt: '2026-11-28T10:00:00.000Z',
};

/** A stand-in for the SLO backend's policy endpoint on a loopback port. */
describe('slo:policy:check', () => {
  const mockDir = createMockDirectory();
  let server: Server;
  let baseUrl: string;
  const requests: Array<{ url?: string; authorization?: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push({ url: req.url, authorization: req.headers.authorization });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      switch (req.url) {
        case '/api/slo/v1/entities/component/default/checkout-service/policy':
          return send(200, allowed);
        case '/api/slo/v1/entities/component/default/payments-gateway/policy':
          return send(200, blocked);
        case '/api/slo/v1/entities/component/default/broken/policy':
          return send(500, {
            error: { name: 'Error', message: 'database is locked' },
          });
        default:
          return send(404, {
            error: { name: 'NotFoundError', message: 'no such entity' },
          });
      }
    });
    await new Promise<void>(resolve =>
      server.listen(0, '127.0.0.1', () => resolve()),
    );
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));
  beforeEach(() => {
    requests.length = 0;
  });

  const actionFor = (url: () => string) =>
    createPolicyCheckAction({
      discovery: {
        getBaseUrl: async (pluginId: string) => `${url()}/api/${pluginId}`,
        getExternalBaseUrl: async (pluginId: string) =>
          `${url()}/api/${pluginId}`,
      },
      auth: mockServices.auth(),
    });
  const action = actionFor(() => baseUrl);
  const run = (input: Record<string, unknown>, isDryRun = false) =>
    runAction(action, input, { workspacePath: mockDir.path, isDryRun });

  it('outputs an allowing decision, asking on behalf of the user', async () => {
    const output = await run({ entityRef: 'checkout-service' });
    expect(output).toEqual({
      entityRef: 'component:default/checkout-service',
      releaseAllowed: true,
      summary: allowed.summary,
      blockingReasons: [],
      reasons: allowed.reasons,
      evaluatedAt: allowed.evaluatedAt,
      policy:
        "blocks below 10 % of error budget left (from the service's annotation triad.dev/release-gate-policy) and while a page alert fires (from the default policy (slo.policy))",
    });
    expect(requests).toEqual([
      {
        url: '/api/slo/v1/entities/component/default/checkout-service/policy',
        authorization: `Bearer ${mockCredentials.service.token({
          onBehalfOf: mockCredentials.user(),
          targetPluginId: 'slo',
        })}`,
      },
    ]);
  });

  it('fails the task when the policy blocks releases', async () => {
    await expect(
      run({ entityRef: 'component:default/payments-gateway' }),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: blocked.summary,
    });
  });

  it('only outputs a blocking decision with failOnBlock: false', async () => {
    const output = await run({
      entityRef: 'component:payments-gateway',
      failOnBlock: false,
    });
    expect(output).toMatchObject({
      releaseAllowed: false,
      blockingReasons: [blocked.reasons[0].message],
    });
  });

  it('reports a blocking decision without failing in a dry run', async () => {
    const output = await run({ entityRef: 'payments-gateway' }, true);
    expect(output.releaseAllowed).toBe(false);
  });

  it('says what went wrong with the backend', async () => {
    await expect(run({ entityRef: 'component:default/nope' })).rejects.toThrow(
      'entityRef: component:default/nope is not in the catalog, or you may not see it',
    );
    await expect(run({ entityRef: 'broken' })).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        'The SLO backend refused the policy request for component:default/broken: Request failed with 500',
      ),
    });
    await expect(run({ entityRef: 'component:' })).rejects.toThrow(
      'entityRef: "component:" is not an entity reference',
    );
    const closed = createServer();
    await new Promise<void>(r => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(r => closed.close(r));
    await expect(
      runAction(
        actionFor(() => `http://127.0.0.1:${port}`),
        { entityRef: 'checkout-service' },
        { workspacePath: mockDir.path },
      ),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        'The SLO backend did not answer the policy request for component:default/checkout-service',
      ),
    });
  });

  it.each(action.examples!.map(e => [e.description, e.example]))(
    'runs the example: %s',
    async (_description, example) => {
      const output = await run(exampleInput(example));
      expect(output.releaseAllowed).toBe(true);
    },
  );
});
