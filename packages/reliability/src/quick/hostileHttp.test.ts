import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import catalogModuleOpenSlo from '@triad/plugin-catalog-backend-module-openslo';
import catalogModuleOwnership from '@triad/plugin-catalog-backend-module-ownership';
import ownershipPlugin from '@triad/plugin-ownership-backend';
import sloPlugin from '@triad/plugin-slo-backend';
import { sloSamplesCreatePermission } from '@triad/plugin-slo-common';
import * as fc from 'fast-check';
import request from 'supertest';
import {
  hostileApiRequest,
  hostileSampleBody,
  sampleBodyIsValid,
} from '../corpus/api';
import { mutatedOpenSlo } from '../corpus/openslo';
import { mutatedOwnership } from '../corpus/ownership';
import { CATALOG, catalogConfig, HIDDEN_NAMES } from '../lib/fixtures';
import { hideLabelledEntities, poll, schedulerProbe } from '@triad/test-utils';

/*
 * The quick, in-process half of the reliability suite (the heavy half is
 * `yarn workspace @triad/reliability suite`, see the README): the SLO and
 * ownership plugins with a real catalog on SQLite, fed generated hostile
 * input. Nothing may answer 5xx, ingest must follow its documented contract,
 * and an entity the policy hides must be absent from every endpoint.
 */

const user = mockCredentials.user.header('user:default/alice');
const service = mockCredentials.service.header();

const probe = schedulerProbe('ownership');

const isUser = (options: any) =>
  options?.credentials?.principal?.type === 'user';

// Users may read every entity but those labelled hidden, and may not push samples.
const permissions = mockServices.permissions.mock({
  async authorize(requests, options) {
    return requests.map(r => ({
      result:
        isUser(options) && r.permission.name === sloSamplesCreatePermission.name
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    }));
  },
  async authorizeConditional(requests, options) {
    return requests.map(() =>
      isUser(options)
        ? hideLabelledEntities()
        : { result: AuthorizeResult.ALLOW },
    ) as any;
  },
});

describe('SLO and ownership plugins with hostile input (quick)', () => {
  // The backend stops before its databases are destroyed; Backstage's default
  // in-memory SQLite is never closed and would hold the test worker open.
  let backend: TestBackend | undefined;
  afterAll(() => backend?.stop());
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const dir = createMockDirectory();
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    dir.setContent({ 'catalog.yaml': CATALOG });
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleOpenSlo,
        catalogModuleOwnership,
        sloPlugin,
        ownershipPlugin,
        probe.module,
        // A database of its own per plugin, as in production.
        createServiceFactory({
          service: coreServices.database,
          deps: {},
          factory: async () => {
            const knex = await databases.init('SQLITE_3');
            return { getClient: async () => knex };
          },
        }),
        permissions.factory,
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.rootConfig.factory({
          data: {
            catalog: catalogConfig(dir.resolve('catalog.yaml')),
            ownership: { index: { events: { topics: [] } } },
          },
        }),
      ],
    });
    server = backend.server;
    await poll('the backend', async () => {
      const res = await request(server)
        .get('/api/catalog/entities/by-name/component/default/svc-hidden')
        .set('Authorization', service);
      const measured = (res.body?.relations ?? []).filter(
        (r: any) => r.type === 'measuredBy',
      );
      return measured.length === 1 ? true : undefined;
    });
    await probe.scheduler.triggerTask('ownership-index-refresh');
    await poll('the backend', async () => {
      const res = await request(server)
        .get('/api/ownership/v1/entities/component/default/svc-hidden')
        .set('Authorization', service);
      return res.status === 200 ? true : undefined;
    });
    // The fleet list answers 503 until an evaluation of every SLO finished.
    await probe.scheduler.triggerTask('slo-evaluate-all');
    await poll('the backend', async () => {
      const res = await request(server)
        .get('/api/slo/v1/slos')
        .set('Authorization', service);
      return res.status === 200 ? true : undefined;
    });
  });

  it('answers every generated request to the SLO and ownership endpoints below 500', async () => {
    await fc.assert(
      fc.asyncProperty(hostileApiRequest, async r => {
        const res = await request(server)
          .get(r.path)
          .set('Authorization', user);
        expect(res.status).toBeLessThan(500);
        // A refusal says why (a bare 404 is a path that is no route).
        const explained =
          res.status < 400 || res.status === 404 || !!res.body.error?.message;
        expect([r.path, explained]).toEqual([r.path, true]);
      }),
      { numRuns: 150 },
    );
  });

  it('accepts exactly the ingest bodies its documented contract allows', async () => {
    const now = Date.now();
    await fc.assert(
      fc.asyncProperty(hostileSampleBody(now), async body => {
        const res = await request(server)
          .post('/api/slo/v1/samples')
          .set('Authorization', service)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body));
        const valid = sampleBodyIsValid(body, {
          now,
          retentionMs: 35 * 86_400_000,
        });
        expect(res.status).toBe(valid ? 202 : 400);
        expect(valid || /samples|JSON/.test(res.body.error?.message)).toBe(
          true,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('refuses generated OpenSLO documents and ownership blocks with a processing error, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedOpenSlo, mutatedOwnership), async m => {
        const res = await request(server)
          .post('/api/catalog/validate-entity')
          .set('Authorization', service)
          .send({ entity: m.doc, location: 'url:https://example.com/x.yaml' });
        expect([200, 400, 413]).toContain(res.status);
        expect(res.status !== 400 || !!res.body.errors?.[0]?.message).toBe(
          true,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('leaves hidden entities out of every SLO and ownership answer for the user', async () => {
    await request(server)
      .get('/api/slo/v1/slos/default/slo-hidden')
      .set('Authorization', service);
    for (const path of [
      '/api/slo/v1/slos/default/slo-hidden',
      '/api/slo/v1/slos/default/slo-hidden/timeline',
      '/api/slo/v1/entities/component/default/svc-hidden/slos',
      '/api/ownership/v1/entities/component/default/svc-hidden',
      '/api/ownership/v1/groups/default/team-hidden/responsibilities',
    ]) {
      const asUser = await request(server).get(path).set('Authorization', user);
      const asService = await request(server)
        .get(path)
        .set('Authorization', service);
      expect([path, asUser.status, asService.status]).toEqual([path, 404, 200]);
    }
    for (const path of [
      '/api/slo/v1/slos',
      '/api/slo/v1/slos?limit=1&offset=1',
      '/api/ownership/v1/groups/default/team-a/responsibilities',
      '/api/ownership/v1/lookup?q=hidden',
      '/api/ownership/v1/coverage',
      '/api/ownership/v1/topology',
    ]) {
      const res = await request(server).get(path).set('Authorization', user);
      expect([path, res.status]).toEqual([path, 200]);
      for (const name of HIDDEN_NAMES) {
        expect([path, res.text.includes(name)]).toEqual([path, false]);
      }
    }
    const ingest = await request(server)
      .post('/api/slo/v1/samples')
      .set('Authorization', user)
      .send({
        samples: [{ series: 'x', timestamp: Date.now(), good: 1, total: 1 }],
      });
    expect(ingest.status).toBe(403);
  });
});
