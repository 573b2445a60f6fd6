import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import request from 'supertest';
import { NotReadyError } from '@triad/backend-utils';
import { testIndex } from '../__fixtures__/catalog';
import { OwnershipIndex } from '../ownershipIndex/OwnershipIndex';
import { CatalogVisibility } from './CatalogVisibility';
import { OwnershipService } from './OwnershipService';
import { createRouter } from './router';

const outsider = 'user:default/outsider';

// The catalog hides the ledger from one user; everyone else reads everything.
const catalog = catalogServiceMock.mock({
  getEntitiesByRefs: jest.fn(async ({ entityRefs }, options) => {
    const { principal } = (options as { credentials: BackstageCredentials })
      .credentials as BackstageCredentials<{ userEntityRef?: string }>;
    return {
      items: entityRefs.map(ref =>
        principal.userEntityRef === outsider &&
        ref === 'component:default/ledger'
          ? undefined
          : ({ kind: 'x', metadata: { name: ref } } as any),
      ),
    };
  }),
});

async function appWith(current: () => Promise<OwnershipIndex>) {
  const service = new OwnershipService({
    indexer: { current },
    visibility: new CatalogVisibility(catalog),
    clock: () => new Date('2026-11-28T12:00:00Z'),
  });
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    service,
  });
  return express().use(router).use(mockErrorHandler());
}

describe('createRouter', () => {
  let app: express.Express;
  const index = testIndex();
  beforeAll(async () => {
    app = await appWith(async () => index);
  });
  const get = (path: string, user = 'user:default/amara') =>
    request(app)
      .get(path)
      .set('Authorization', mockCredentials.user.header(user));

  it('GET /v1/entities/:kind/:namespace/:name answers each role', async () => {
    const res = await get('/v1/entities/Component/default/ledger');
    expect(res.status).toBe(200);
    expect(res.body.entity.ref).toBe('component:default/ledger');
    expect(
      res.body.roles.map((r: any) => [r.role, r.status, r.provenance?.source]),
    ).toEqual([
      ['devops', 'covered', 'default'],
      ['sre', 'covered', 'inherited'],
      ['platform', 'uncovered', undefined],
    ]);
    expect(res.body.indexedAt).toBe('2026-11-28T10:00:00.000Z');
  });

  it('GET /v1/entities/:kind/:namespace/:name/facts answers the same as flat facts', async () => {
    const res = await get('/v1/entities/component/default/ledger/facts');
    expect(res.status).toBe(200);
    const full = await get('/v1/entities/component/default/ledger');
    expect(res.body).toEqual({
      entityRef: 'component:default/ledger',
      indexedAt: '2026-11-28T10:00:00.000Z',
      facts: {
        roles: Object.fromEntries(
          full.body.roles.map((r: any) => [
            r.role,
            {
              status: r.status,
              holder: r.owner?.ref ?? null,
              source: r.provenance?.source ?? null,
            },
          ]),
        ),
        orphaned: false,
        uncoveredRoles: ['platform'],
      },
    });
    expect(res.body.facts.roles.sre.source).toBe('inherited');
    const hidden = await get(
      '/v1/entities/component/default/ledger/facts',
      outsider,
    );
    expect(hidden.status).toBe(404);
    const group = await get('/v1/entities/group/default/payments/facts');
    expect(group.status).toBe(400);
    expect(group.body.error.message).toMatch(
      /^kind: "group" has no ownership roles/,
    );
  });

  it('answers 404 for an entity the caller may not read, as for a missing one', async () => {
    const hidden = await get('/v1/entities/component/default/ledger', outsider);
    const missing = await get('/v1/entities/component/default/nothing');
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.error.message).toBe(
      'No entity component:default/ledger in the ownership index',
    );
    // The caller's credentials were used to ask the catalog.
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRefs: expect.arrayContaining(['component:default/ledger']),
      }),
      {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({ userEntityRef: outsider }),
        }),
      },
    );
  });

  it.each([
    [
      '/v1/entities/group/default/sre-core',
      'kind: "group" has no ownership roles; use one of component, system, domain, resource, api (for a group, /v1/groups/:namespace/:name/responsibilities)',
    ],
    [
      '/v1/entities/component/default/not%20a%20name',
      'name: "not a name" is not a valid entity name',
    ],
    [
      '/v1/entities/component/Bad_NS!/ledger',
      'namespace: "Bad_NS!" is not a valid namespace',
    ],
    [
      '/v1/groups/default/infrastructure/responsibilities?includeSubTeams=yes',
      'includeSubTeams: must be true or false, got "yes"',
    ],
    ['/v1/lookup', 'q: is required, e.g. /v1/lookup?q=checkout'],
    ['/v1/lookup?q=%20%20', 'q: is required, e.g. /v1/lookup?q=checkout'],
    ['/v1/lookup?q=a&q=b', 'q: give the query once, as text'],
    [
      '/v1/lookup?q=<201 characters>',
      'q: must be at most 200 characters, got 201',
    ],
  ])('answers 400 naming the field for %s', async (path, message) => {
    const res = await get(path.replace('<201 characters>', 'x'.repeat(201)));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'InputError', message });
  });

  it('GET /v1/groups/:namespace/:name/responsibilities includes sub-teams unless told not to', async () => {
    const all = await get('/v1/groups/default/infrastructure/responsibilities');
    expect(all.status).toBe(200);
    expect(all.body.includeSubTeams).toBe(true);
    expect(all.body.teams.map((t: any) => t.name)).toEqual([
      'infrastructure',
      'runtime-platform',
      'sre-core',
    ]);
    const alone = await get(
      '/v1/groups/default/infrastructure/responsibilities?includeSubTeams=false',
    );
    expect(alone.body.teams.map((t: any) => t.name)).toEqual([
      'infrastructure',
    ]);
    expect(
      (await get('/v1/groups/default/nobody/responsibilities')).status,
    ).toBe(404);
  });

  it('GET /v1/lookup finds and filters per caller', async () => {
    const res = await get('/v1/lookup?q=ledger');
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: any) => r.entity.ref)).toEqual([
      'component:default/ledger',
    ]);
    const outside = await get('/v1/lookup?q=ledger', outsider);
    expect(outside.body.results).toEqual([]);
  });

  it('GET /v1/coverage and /v1/topology answer for the whole organisation', async () => {
    const coverage = await get('/v1/coverage');
    expect(coverage.status).toBe(200);
    expect(coverage.body.roles.map((r: any) => [r.role, r.share])).toEqual([
      ['devops', 1],
      ['sre', 0.6],
      ['platform', 0.2],
    ]);
    expect(coverage.body.staleInteractions).toHaveLength(1);
    const outside = await get('/v1/coverage', outsider);
    expect(outside.body.roles[1]).toMatchObject({
      total: 4,
      covered: 2,
      share: 0.5,
    });

    const topology = await get('/v1/topology');
    expect(topology.status).toBe(200);
    expect(topology.body.observed.map((o: any) => o.declared)).toEqual([
      true,
      false,
    ]);
  });

  it('refuses callers without valid credentials', async () => {
    const res = await request(app)
      .get('/v1/coverage')
      .set('Authorization', mockCredentials.user.invalidHeader());
    expect(res.status).toBe(401);
  });

  it('answers 503 with Retry-After while the index warms up', async () => {
    const unavailable = await appWith(async () => {
      throw new NotReadyError(
        'The ownership index could not be built yet: down',
        10,
      );
    });
    for (const path of [
      '/v1/topology',
      '/v1/entities/component/default/web',
      '/v1/lookup?q=web',
    ]) {
      const res = await request(unavailable)
        .get(path)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('10');
      expect(res.body.error).toMatchObject({
        name: 'ServiceUnavailableError',
        message: 'The ownership index could not be built yet: down',
      });
    }
  });

  it('sends no Retry-After for other errors', async () => {
    const broken = await appWith(async () => {
      throw new ServiceUnavailableError('something else');
    });
    const res = await request(broken)
      .get('/v1/topology')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBeUndefined();
  });

  it('serves exactly the paths its OpenAPI document describes', async () => {
    const spec = readFileSync(
      resolve(__dirname, '../schema/openapi.yaml'),
      'utf8',
    );
    const documented = [...spec.matchAll(/^ {2}(\/v1\/\S+):$/gm)]
      .map(m => m[1].replace(/\{(\w+)\}/g, ':$1'))
      .sort();
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      service: {} as OwnershipService,
    });
    const served = (
      router.stack as { route?: { path: string; methods: object } }[]
    )
      .filter(layer => layer.route)
      .map(layer => layer.route!.path)
      .sort();
    expect(served).toEqual(documented);
    expect(served).toHaveLength(6);
  });
});
