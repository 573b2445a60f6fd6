import { ResponseError } from '@backstage/errors';
import { OwnershipClient } from './OwnershipClient';

describe('OwnershipClient', () => {
  const discoveryApi = {
    getBaseUrl: jest.fn(async (id: string) => `http://backend/api/${id}`),
  };
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });

  function clientReturning(response: Response) {
    const fetch = jest.fn(
      async (_url: RequestInfo | URL, _init?: RequestInit) => response,
    );
    return {
      fetch,
      client: new OwnershipClient({ discoveryApi, fetchApi: { fetch } }),
    };
  }

  it.each([
    [
      'getEntityOwnership',
      (c: OwnershipClient) =>
        c.getEntityOwnership('component:default/checkout-service'),
      'http://backend/api/ownership/v1/entities/component/default/checkout-service',
    ],
    [
      'getEntityOwnership with a compound ref',
      (c: OwnershipClient) =>
        c.getEntityOwnership({
          kind: 'Component',
          namespace: 'a b',
          name: 'x/y',
        }),
      'http://backend/api/ownership/v1/entities/Component/a%20b/x%2Fy',
    ],
    [
      'getGroupResponsibilities',
      (c: OwnershipClient) => c.getGroupResponsibilities('checkout-team'),
      'http://backend/api/ownership/v1/groups/default/checkout-team/responsibilities',
    ],
    [
      'getGroupResponsibilities without sub-teams',
      (c: OwnershipClient) =>
        c.getGroupResponsibilities('group:ops/sre', { includeSubTeams: false }),
      'http://backend/api/ownership/v1/groups/ops/sre/responsibilities?includeSubTeams=false',
    ],
    [
      'lookup',
      (c: OwnershipClient) => c.lookup('checkout & pay'),
      'http://backend/api/ownership/v1/lookup?q=checkout%20%26%20pay',
    ],
    [
      'getCoverage',
      (c: OwnershipClient) => c.getCoverage(),
      'http://backend/api/ownership/v1/coverage',
    ],
    [
      'getTopology',
      (c: OwnershipClient) => c.getTopology(),
      'http://backend/api/ownership/v1/topology',
    ],
  ])('%s calls its endpoint', async (_, call, url) => {
    const { fetch, client } = clientReturning(json({ ok: 1 }));
    await expect(call(client)).resolves.toEqual({ ok: 1 });
    expect(fetch).toHaveBeenCalledWith(url, { headers: undefined });
  });

  it('sends a given token', async () => {
    const { fetch, client } = clientReturning(json({}));
    await client.getCoverage({ token: 'abc' });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/ownership/v1/coverage',
      {
        headers: { Authorization: 'Bearer abc' },
      },
    );
  });

  it('turns an error response into a ResponseError carrying the server error', async () => {
    const { client } = clientReturning(
      json(
        {
          error: { name: 'InputError', message: 'q: is required' },
          response: { statusCode: 400 },
        },
        400,
      ),
    );
    const error = await client.lookup('').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.body.error.message).toBe('q: is required');
  });
});
