import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { createRouter } from './router';
import { BuiltinStore } from '../builtin/BuiltinStore';
import { SloService } from './SloService';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EventService } from '../events/EventService';
import { EventStore } from '../events/EventStore';

/*
 * Hostile input found by the reliability suite (packages/reliability): every
 * request here used to answer 500. Each must be a 400 that names the field,
 * and must not reach the service, the catalog or the database.
 */

const slos = {
  entitySlos: jest.fn(),
  policy: jest.fn(),
  getSlo: jest.fn(),
  timeline: jest.fn(),
  history: jest.fn(),
};
const store = { ingest: jest.fn() };
const eventStore = { record: jest.fn(), list: jest.fn() };
const snapshots = { history: jest.fn() };

async function app() {
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    auth: mockServices.auth(),
    permissions: mockServices.permissions(),
    slos: slos as unknown as SloService,
    fleetList: { list: jest.fn(), rollUps: jest.fn() },
    composites: { evaluate: jest.fn() },
    ceilings: { ceiling: jest.fn() },
    attributions: { attribution: jest.fn() },
    burnDependents: { dependents: jest.fn() },
    store: store as unknown as BuiltinStore,
    events: new EventService({
      auth: mockServices.auth(),
      permissions: mockServices.permissions(),
      catalog: catalogServiceMock({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'svc', namespace: 'default' },
          },
        ],
      }),
      eventStore: eventStore as unknown as EventStore,
      snapshots,
      snapshotRetentionMs: 90 * 86_400_000,
      now: () => Date.parse('2026-12-01T00:00:00Z'),
    }),
    maxBodyBytes: 4 * 1024 * 1024,
    ingestLimits: () => ({
      maxBatchSize: 100,
      oldestMs: Date.now() - 35 * 86_400_000,
      newestMs: Date.now() + 5 * 60_000,
    }),
  });
  return express().use(router).use(mockErrorHandler());
}

describe('SLO router with hostile input', () => {
  let server: express.Express;
  beforeAll(async () => {
    server = await app();
  });
  afterEach(() => jest.clearAllMocks());

  it.each([
    [
      '/v1/slos/%2Fetc%2Fpasswd/x',
      'namespace: "/etc/passwd" is not a valid namespace',
    ],
    ['/v1/slos/default/a%3Ab%3Ac', 'name: "a:b:c" is not a valid entity name'],
    [
      `/v1/slos/default/${'a'.repeat(300)}/history`,
      `name: "${'a'.repeat(300)}" is not a valid entity name`,
    ],
    [
      '/v1/slos/default/%F0%9F%92%A5/timeline',
      'name: "💥" is not a valid entity name',
    ],
    [
      '/v1/entities/x%3Ay/default/svc/slos',
      'kind: "x:y" is not a valid entity kind',
    ],
    [
      '/v1/entities/component/..%2F../svc/policy',
      'namespace: "../.." is not a valid namespace',
    ],
    [
      '/v1/entities/component/default/%00/slos',
      'name: "\u0000" is not a valid entity name',
    ],
    // The default `from` (7 days before `to`) would be before the first date.
    [
      '/v1/slos/default/slo-a/history?to=-271821-04-20T00:00:00.000Z',
      'from: must be before to',
    ],
    ['/v1/events', 'entityRef: required, an entity reference'],
    [
      '/v1/events?entityRef=a%3Ab%3Ac%3Ad',
      'entityRef: "a:b:c:d" is not an entity reference such as component:default/name',
    ],
    ['/v1/events?entityRef=svc&from=monday', 'from: must be an ISO 8601 time'],
  ])('GET %s is a 400 naming the parameter', async (path, message) => {
    const res = await request(server)
      .get(path)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
    for (const fn of Object.values(slos)) expect(fn).not.toHaveBeenCalled();
    expect(eventStore.list).not.toHaveBeenCalled();
  });

  const event = {
    id: 'run-1',
    entityRef: 'component:default/svc',
    type: 'deploy',
    time: '2026-11-30T12:00:00Z',
    title: 'Deploy 1.2.3',
  };
  it.each([
    [{}, 'id: required'],
    [{ ...event, id: '../../x' }, 'id: required, 1 to 200 letters'],
    [{ ...event, entityRef: 'a:b:c:d' }, 'entityRef: "a:b:c:d" is not'],
    [
      { ...event, type: 'release' },
      'type: must be one of deploy, incident, maintenance',
    ],
    [{ ...event, time: 'now' }, 'time: must be an ISO 8601 time'],
    [{ ...event, time: 1e300 }, 'time: must be an ISO 8601 time'],
    [
      { ...event, time: '2026-08-01T00:00:00Z' },
      'time: 2026-08-01T00:00:00.000Z is older than the retention period',
    ],
    [{ ...event, end: '2026-11-30T11:00:00Z' }, 'end: must not be before time'],
    [{ ...event, title: '' }, 'title: must be a non-empty string'],
    [{ ...event, title: null }, 'title: required'],
    [
      { ...event, link: 'ftp://example.com/x' },
      'link: must be an http or https URL',
    ],
    [{ ...event, version: 42 }, 'version: must be a non-empty string'],
    [[event], 'body: must be an object'],
  ])('POST /v1/events %j is a 400 naming the field', async (body, message) => {
    const res = await request(server)
      .post('/v1/events')
      .set('Authorization', mockCredentials.service.header())
      .send(body as object);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect(eventStore.record).not.toHaveBeenCalled();
  });

  it.each([1e20, -1e20, 8.64e15 + 1, 1.5e300, -8.64e15 - 1])(
    'refuses the out-of-range timestamp %p naming the field',
    async timestamp => {
      const res = await request(server)
        .post('/v1/samples')
        .set('Authorization', mockCredentials.service.header())
        .send({ samples: [{ series: 'a', timestamp, good: 1, total: 1 }] });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(
        `samples[0].timestamp: ${timestamp} ms since the epoch is ${
          timestamp < 0 ? 'older than the retention period' : 'in the future'
        }`,
      );
      expect(store.ingest).not.toHaveBeenCalled();
    },
  );
});
