import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import catalogModuleOpenSlo from '@triad/plugin-catalog-backend-module-openslo';
import catalogModuleOwnership from '@triad/plugin-catalog-backend-module-ownership';
import ownershipPlugin from '@triad/plugin-ownership-backend';
import sloPlugin from '@triad/plugin-slo-backend';
import { targetAboveCeiling } from '@triad/plugin-slo-common';
import {
  HIDDEN_LABEL,
  fakeDateOnly,
  hideLabelledEntities,
  poll,
  schedulerProbe,
} from '@triad/test-utils';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import request from 'supertest';
import { parse } from 'yaml';
import {
  CLUSTER_INCIDENT_MINUTES,
  exampleSloSamplesModule,
} from './modules/exampleSloSamples';

/*
 * The example instance's MCP server, as an assistant sees it: a real MCP
 * client against the MCP actions backend, which calls the SLO and ownership
 * actions over HTTP with the caller's credentials, on the real catalog with
 * the example data and the example built-in samples. Then the facts the two
 * backends serve to scorecards, on the same data.
 */

// The example instance's own configuration: catalog locations and the
// plugins whose actions are served.
const appConfig = parse(
  readFileSync(resolve(__dirname, '../../../app-config.yaml'), 'utf8'),
);

// A Sunday in March at a whole minute: the example payments incident has
// burned for the two hours before, and the Europe/Berlin calendar month began
// 2026-02-28T23:00Z and ends 2026-03-31T22:00Z (one hour shorter for DST).
const NOW = new Date('2026-03-15T12:00:00Z');
const MONTH_MINUTES = 31 * 1440 - 60;
const ELAPSED_MINUTES = 14 * 1440 + 13 * 60;

// The example samples' rule (exampleSloSamples.ts), in minutes: history up
// to the start, the cluster incident 3 days before it; the 28-day windows of
// checkout and the cluster end at the start.
const MINUTE = 60_000;
const START_MINUTE = NOW.getTime() / MINUTE;
const WINDOW_MINUTES = 28 * 1440;
const WINDOW_START = START_MINUTE - WINDOW_MINUTES;
const STEP_MINUTES = Math.ceil(WINDOW_MINUTES / 200);
const INCIDENT_FROM = START_MINUTE - 3 * 1440;
const INCIDENT_TO = INCIDENT_FROM + CLUSTER_INCIDENT_MINUTES;
/** How many minutes in [from, to) are multiples of `every`. */
const multiples = (from: number, to: number, every: number) =>
  to <= from
    ? 0
    : Math.floor((to - 1) / every) - Math.floor((from - 1) / every);

/**
 * Checkout's burn over its window and the part of it in the step that holds
 * the cluster incident, from the example samples' rule.
 */
function checkoutClusterBurn() {
  // The incident is 3 days before start: offset 40,320 − 4,320 = 36,000
  // minutes into the 28-day window, read in ceil(40,320 / 200) = 202-minute
  // steps: step 178 holds minutes 35,956 to 36,157, the whole incident
  // (36,000 to 36,089). The cluster burns 50 + at most 1 of 1,000 a minute
  // there: 4,500 and more of 202,000 requests, over 20× its 0.1 % budget;
  // in every other step at most 3 of 202,000 (0.015×). The db never
  // burns: at most 1 of 40,400 queries a step (0.05× of its 0.05 %).
  const step = Math.floor((INCIDENT_FROM - WINDOW_START) / STEP_MINUTES);
  const stepFrom = WINDOW_START + step * STEP_MINUTES;
  expect(step).toBe(178);
  expect(INCIDENT_TO).toBeLessThanOrEqual(stepFrom + STEP_MINUTES);
  // Checkout: 2 bad a minute in the incident, else 1 every 50 minutes.
  const baseline = (from: number, to: number) =>
    multiples(from, to, 50) -
    multiples(Math.max(from, INCIDENT_FROM), Math.min(to, INCIDENT_TO), 50);
  const incidentBad = CLUSTER_INCIDENT_MINUTES * 2;
  const inStep = incidentBad + baseline(stepFrom, stepFrom + STEP_MINUTES);
  const total = incidentBad + baseline(WINDOW_START, START_MINUTE);
  // On 2026-03-15: (180 + 2) / (180 + 804) ≈ 0.185.
  return { inStep, total };
}

// The user hiddenFrom may not read entities with the hidden label; the
// module below puts it on two example entities.
const hiddenFrom = 'user:default/outsider';
const hiddenEntities = ['payments-gateway', 'checkout-service'];
const labelModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-hidden-label',
  register(env) {
    env.registerInit({
      deps: { processing: catalogProcessingExtensionPoint },
      async init({ processing }) {
        processing.addProcessor({
          getProcessorName: () => 'TestHiddenLabel',
          async preProcessEntity(entity: Entity) {
            if (!hiddenEntities.includes(entity.metadata.name)) return entity;
            return {
              ...entity,
              metadata: {
                ...entity.metadata,
                labels: { ...entity.metadata.labels, [HIDDEN_LABEL]: 'true' },
              },
            };
          },
        });
      },
    });
  },
});

const probe = schedulerProbe('ownership');

const isHiddenFrom = (credentials: { principal: unknown }) =>
  (credentials.principal as { userEntityRef?: string }).userEntityRef ===
  hiddenFrom;

const permissions = mockServices.permissions.mock({
  async authorize(requests) {
    return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
  },
  async authorizeConditional(requests, options) {
    return requests.map(() =>
      isHiddenFrom(options.credentials)
        ? hideLabelledEntities()
        : { result: AuthorizeResult.ALLOW },
    ) as any;
  },
});

describe('the example instance for assistants and scorecards', () => {
  let backend: TestBackend;
  let baseUrl: string;

  beforeAll(async () => {
    fakeDateOnly(NOW);
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleScaffolderEntityModel,
        catalogModuleOpenSlo,
        catalogModuleOwnership,
        labelModule,
        sloPlugin,
        exampleSloSamplesModule,
        ownershipPlugin,
        probe.module,
        mcpActionsPlugin,
        actionsRegistryServiceFactory,
        actionsServiceFactory,
        permissions.factory,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              ...appConfig.catalog,
              // The targets are relative to packages/backend, where the
              // instance runs; the whole suite runs from the repository root.
              locations: appConfig.catalog.locations.map(
                (l: { type: string; target: string }) =>
                  l.type === 'file'
                    ? { ...l, target: resolve(__dirname, '..', l.target) }
                    : l,
              ),
            },
            backend: { actions: appConfig.backend.actions },
          },
        }),
      ],
    });
    const address = backend.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    baseUrl = `http://localhost:${address.port}`;
    // Wait until the catalog holds the entities the tests ask about and the
    // SLOs measuring them, so that no plugin meets a catalog still loading.
    await poll(
      'the example entities and their SLOs in the catalog',
      async () => {
        const found = await Promise.all(
          hiddenEntities.map(async name => {
            const res = await request(backend.server)
              .get('/api/catalog/entities')
              .query({
                filter: `kind=SLO,relations.measures=component:default/${name}`,
              })
              .set('Authorization', mockCredentials.service.header());
            return res.status === 200 && res.body.length > 0;
          }),
        );
        return found.every(Boolean) || undefined;
      },
    );
  });

  afterAll(async () => {
    await backend?.stop();
    jest.useRealTimers();
  });

  async function connect(userEntityRef: string) {
    const client = new Client({ name: 'triad-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(`${baseUrl}/api/mcp-actions/v1`),
        {
          requestInit: {
            headers: {
              Authorization: mockCredentials.user.header(userEntityRef),
            },
          },
        },
      ),
    );
    return client;
  }

  type ToolAnswer = {
    isError?: boolean;
    content: { type: string; text: string }[];
    structuredContent?: any;
  };
  const call = async (
    client: Client,
    name: string,
    args: Record<string, unknown>,
  ) => (await client.callTool({ name, arguments: args })) as ToolAnswer;

  /** Calls a tool until the catalog has loaded the example data. */
  const callWhenReady = (
    client: Client,
    name: string,
    args: Record<string, unknown>,
    ready: (answer: ToolAnswer) => boolean,
  ) =>
    poll(`${name} ${JSON.stringify(args)}`, async () => {
      const answer = await call(client, name, args);
      return ready(answer) ? answer : undefined;
    });

  /**
   * Calls an ownership tool until its index holds the catalog. The test
   * backend's scheduler runs each task once at start (when the catalog may
   * still be empty), then only when the test triggers it.
   */
  async function callWhenIndexed(
    client: Client,
    name: string,
    args: Record<string, unknown>,
  ) {
    return poll(`${name} ${JSON.stringify(args)}`, async () => {
      const answer = await call(client, name, args);
      if (!answer.isError) return answer;
      await probe.scheduler.triggerTask('ownership-index-refresh');
      return undefined;
    });
  }

  it('lists the six actions with their schemas and attributes', async () => {
    const client = await connect('user:default/guest');
    const { tools } = await client.listTools();
    expect(tools.map(t => t.name).sort()).toEqual([
      'ownership.coverage',
      'ownership.lookup',
      'ownership.who-owns',
      'slo.check-release-gate',
      'slo.get-error-budget',
      'slo.get-slos',
    ]);
    for (const tool of tools) {
      expect(tool.annotations).toMatchObject({
        readOnlyHint: true,
        idempotentHint: true,
        destructiveHint: false,
      });
      expect(tool.description!.length).toBeGreaterThan(200);
    }
    const getSlos = tools.find(t => t.name === 'slo.get-slos')!;
    expect(getSlos.inputSchema).toMatchObject({
      type: 'object',
      properties: { entityRef: { type: 'string' } },
      required: ['entityRef'],
    });
    await client.close();
  });

  it('answers get-slos for payments-gateway with the figures worked by hand and the SLO endpoint', async () => {
    const client = await connect('user:default/guest');
    const answer = await callWhenReady(
      client,
      'slo.get-slos',
      { entityRef: 'payments-gateway' },
      a =>
        !a.isError &&
        a.structuredContent.slos.length === 1 &&
        a.structuredContent.slos[0].objectives[0].budgetRemaining !== undefined,
    );
    const out = answer.structuredContent;
    expect(out.entityRef).toBe('component:default/payments-gateway');
    const [slo] = out.slos;
    expect(slo).toMatchObject({
      ref: 'slo:default/payments-gateway-availability',
      serviceRef: 'component:default/payments-gateway',
      periodStart: '2026-02-28T23:00:00.000Z',
      periodEnd: '2026-03-31T22:00:00.000Z',
      stale: false,
    });
    const [o] = slo.objectives;
    // 200 authorisations a minute since the month began, 10 of them failing
    // in each of the last 120 minutes; target 99.95 %.
    const bad = 120 * 10;
    const total = 200 * ELAPSED_MINUTES;
    expect(o.target).toBeCloseTo(0.9995, 12);
    expect(o.sli).toBeCloseTo(1 - bad / total, 12);
    // The month allows 0.05 % of its 200 × 44,580 authorisations to fail.
    const remaining = 1 - bad / (0.0005 * 200 * MONTH_MINUTES);
    expect(o.budgetRemaining).toBeCloseTo(remaining, 9); // 0.7308
    // The last hour: 5 % failing against a 0.05 % budget.
    expect(o.burnRate).toBeCloseTo(100, 9);
    expect(o.timeToExhaustionMs).toBeCloseTo(
      (remaining * MONTH_MINUTES * 60_000) / 100,
      0,
    );
    // 100× exceeds every tier's factor over both of its windows.
    expect(o.firingTiers.map((t: { name: string }) => t.name)).toEqual([
      'page-fast',
      'page-slow',
      'ticket-fast',
      'ticket-slow',
    ]);
    expect(o.status).toBe('warning');
    expect(slo.status).toBe('warning');
    expect(o.budgetLeft).toBe('73.1 % of budget left');
    expect(out.summary).toContain(
      'Payment authorisation availability (slo:default/payments-gateway-availability) is warning. Firing: page-fast, page-slow, ticket-fast, ticket-slow.',
    );
    expect(out.summary).toContain('73.1 % of the error budget is left.');

    // The same evaluation the SLO tab reads.
    const rest = await request(backend.server)
      .get('/api/slo/v1/entities/component/default/payments-gateway/slos')
      .set('Authorization', mockCredentials.user.header('user:default/guest'));
    expect(rest.status).toBe(200);
    const [restObjective] = rest.body.items[0].objectives;
    expect(o.sli).toBe(restObjective.sli);
    expect(o.budgetRemaining).toBe(restObjective.budget.remaining);
    expect(o.burnRate).toBe(restObjective.burnRate);
    expect(o.timeToExhaustionMs).toBe(restObjective.timeToExhaustionMs);

    // The release gate closes: a page tier fires.
    const gate = await call(client, 'slo.check-release-gate', {
      entityRef: 'component:default/payments-gateway',
    });
    expect(gate.isError).toBeFalsy();
    expect(gate.structuredContent).toMatchObject({
      entityRef: 'component:default/payments-gateway',
      releaseAllowed: false,
      policy: { source: 'default', blockOnPageAlert: true },
    });

    const budget = await call(client, 'slo.get-error-budget', {
      sloRef: 'payments-gateway-availability',
      historyDays: 1,
    });
    expect(budget.isError).toBeFalsy();
    expect(budget.structuredContent.slo.objectives[0].budgetRemaining).toBe(
      o.budgetRemaining,
    );
    // 43,200 s × 0.05 % … the month's budget in time: 0.05 % of 44,580 minutes.
    expect(budget.structuredContent.budget[0].totalTimeMs).toBeCloseTo(
      0.0005 * MONTH_MINUTES * 60_000,
      3,
    );
    await client.close();
  });

  it('answers who-owns with an inherited SRE holder and its provenance', async () => {
    const client = await connect('user:default/guest');
    const answer = await callWhenIndexed(client, 'ownership.who-owns', {
      entityRef: 'checkout-service',
    });
    const sre = answer.structuredContent.roles.find(
      (r: { role: string }) => r.role === 'sre',
    );
    expect(sre).toMatchObject({
      status: 'covered',
      holder: { ref: 'group:default/sre-core', title: 'SRE Core' },
      provenance: {
        source: 'inherited',
        path: ['component:default/checkout-service', 'system:default/checkout'],
      },
      summary:
        'SRE: group:default/sre-core, inherited from system:default/checkout.',
    });
    const devops = answer.structuredContent.roles.find(
      (r: { role: string }) => r.role === 'devops',
    );
    expect(devops).toMatchObject({
      status: 'covered',
      holder: { ref: 'group:default/checkout-team' },
      provenance: { source: 'default' },
    });
    await client.close();
  });

  it("shows what checkout-service's platform dependencies allow, below its own target", async () => {
    const path =
      '/api/slo/v1/entities/component/default/checkout-service/dependency-ceiling';
    const body = await poll('the ceiling', async () => {
      const res = await request(backend.server)
        .get(path)
        .set(
          'Authorization',
          mockCredentials.user.header('user:default/guest'),
        );
      return res.status === 200 ? res.body : undefined;
    });
    // checkout-db 99.95 % × prod-cluster 99.9 % = 0.9985005, under the
    // service's own 99.9 %: the SLO tab warns.
    expect(body.targetCeiling).toBeCloseTo(0.9985005, 15);
    expect(body.slos).toEqual([
      expect.objectContaining({
        ref: 'slo:default/checkout-availability',
        target: 0.999,
      }),
    ]);
    expect(targetAboveCeiling(0.999, body.targetCeiling)).toBe(true);
    // Over the 28 days: 1 failed query of 200 every 400 minutes, and 1
    // failed API request of 1,000 every 100 minutes plus 50 a minute in the
    // cluster incident (counted from the sample rule, see below).
    const dbBad = multiples(WINDOW_START, START_MINUTE, 400);
    const clusterBad =
      multiples(WINDOW_START, START_MINUTE, 100) -
      multiples(INCIDENT_FROM, INCIDENT_TO, 100) +
      CLUSTER_INCIDENT_MINUTES * 50;
    expect(body.measuredCeiling).toBeCloseTo(
      (1 - dbBad / (WINDOW_MINUTES * 200)) *
        (1 - clusterBad / (WINDOW_MINUTES * 1000)),
      12,
    );
    expect(
      body.dependencies.map((d: any) => [d.path, d.soft, d.owner]),
    ).toEqual([
      [
        ['component:default/checkout-service', 'resource:default/checkout-db'],
        false,
        'group:default/runtime-platform',
      ],
      [
        ['component:default/checkout-service', 'resource:default/prod-cluster'],
        false,
        'group:default/runtime-platform',
      ],
    ]);
    expect(body.hiddenDependencies).toBe(0);
    // checkout-service is hidden from the outsider: no ceiling either.
    const hidden = await request(backend.server)
      .get(path)
      .set('Authorization', mockCredentials.user.header(hiddenFrom));
    expect(hidden.status).toBe(404);
  });

  it("puts the share of checkout's burn in the cluster incident on prod-cluster, and lists checkout on the platform team's page", async () => {
    const { inStep, total } = checkoutClusterBurn();
    expect(inStep / total).toBeGreaterThan(0.15);

    const asGuest = (path: string) =>
      request(backend.server)
        .get(path)
        .set(
          'Authorization',
          mockCredentials.user.header('user:default/guest'),
        );
    const res = await asGuest(
      '/api/slo/v1/slos/default/checkout-availability/burn-attribution',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/checkout-service',
      stepMs: STEP_MINUTES * MINUTE,
      burned: total,
    });
    const byRef = Object.fromEntries(
      res.body.dependencies.map((d: any) => [d.ref, d]),
    );
    expect(byRef['resource:default/prod-cluster']).toMatchObject({
      owner: 'group:default/runtime-platform',
      burned: inStep,
      buckets: 1,
    });
    expect(byRef['resource:default/prod-cluster'].share).toBeCloseTo(
      inStep / total,
      12,
    );
    expect(byRef['resource:default/checkout-db']).toMatchObject({
      burned: 0,
      share: 0,
      buckets: 0,
    });

    const team = await asGuest(
      '/api/slo/v1/groups/default/runtime-platform/burn-dependents',
    );
    expect(team.status).toBe(200);
    const cluster = team.body.slos.find(
      (s: any) => s.slo.ref === 'slo:default/prod-cluster-availability',
    );
    const checkout = cluster.dependents.find(
      (d: any) => d.entityRef === 'component:default/checkout-service',
    );
    expect(checkout).toMatchObject({
      path: [
        'component:default/checkout-service',
        'resource:default/prod-cluster',
      ],
      owner: 'group:default/checkout-team',
      slo: { ref: 'slo:default/checkout-availability' },
      burned: inStep,
    });
    expect(checkout.share).toBeCloseTo(inStep / total, 12);
  });

  it("answers get-slos with checkout-service's dependency ceiling, the endpoint's own answer", async () => {
    const client = await connect('user:default/guest');
    const answer = await callWhenReady(
      client,
      'slo.get-slos',
      { entityRef: 'checkout-service' },
      a =>
        !a.isError &&
        a.structuredContent.dependencyCeiling.dependencies.length === 2,
    );
    const { dependencyCeiling } = answer.structuredContent;
    // checkout-db 99.95 % × prod-cluster 99.9 % = 0.9985005, under the
    // service's own 99.9 %. Measured, with the cluster incident (see the
    // ceiling test): (1 − 100 / 8,064,000) × (1 − 4,902 / 40,320,000)
    // ≈ 0.999866 → 99.987 %.
    expect(dependencyCeiling.targetCeiling).toBeCloseTo(0.9985005, 15);
    expect(dependencyCeiling.targetsAboveCeiling).toEqual([
      'slo:default/checkout-availability',
    ]);
    expect(dependencyCeiling.summary).toBe(
      'Its hard dependencies (resource:default/checkout-db, resource:default/prod-cluster) allow at most 99.850 % availability (measured: 99.987 %). Checkout availability targets 99.900 %, above what its dependencies allow.',
    );
    expect(answer.structuredContent.summary).toContain(
      dependencyCeiling.summary,
    );
    expect(answer.structuredContent.composites).toEqual([]);

    // The same answer the ceiling endpoint gives (one computation).
    const rest = await request(backend.server)
      .get(
        '/api/slo/v1/entities/component/default/checkout-service/dependency-ceiling',
      )
      .set('Authorization', mockCredentials.user.header('user:default/guest'));
    expect(rest.status).toBe(200);
    const { entityRef: _, evaluatedAt: __, ...endpoint } = rest.body;
    const {
      targetsAboveCeiling: ___,
      summary: ____,
      ...action
    } = dependencyCeiling;
    expect(action).toEqual(endpoint);
    await client.close();
  });

  it("answers get-slos with the share of checkout's burn that coincided with the cluster incident, the endpoint's own answer", async () => {
    const { inStep, total } = checkoutClusterBurn();
    const client = await connect('user:default/guest');
    const answer = await callWhenReady(
      client,
      'slo.get-slos',
      { entityRef: 'checkout-service' },
      a => !a.isError && a.structuredContent.burnAttributions?.length === 2,
    );
    // One per SLO of checkout, in the order of the SLOs.
    const [attribution, latency] = answer.structuredContent.burnAttributions;
    expect(attribution).toMatchObject({
      sloRef: 'slo:default/checkout-availability',
      stepMs: STEP_MINUTES * MINUTE,
      burned: total,
      hiddenDependencies: 0,
    });
    // Largest share first: the cluster's step, then the db that never burned.
    expect(
      attribution.dependencies.map((d: any) => [
        d.ref,
        d.owner,
        d.burned,
        d.buckets,
      ]),
    ).toEqual([
      [
        'resource:default/prod-cluster',
        'group:default/runtime-platform',
        inStep,
        1,
      ],
      ['resource:default/checkout-db', 'group:default/runtime-platform', 0, 0],
    ]);
    const share = attribution.dependencies[0].share;
    expect(share).toBeCloseTo(inStep / total, 12);
    // The share in words, to one decimal of a percent.
    const words = `${((inStep / total) * 100).toFixed(1)} %`;
    expect(attribution.summary).toBe(
      `Of the ${total.toLocaleString(
        'en-US',
      )} bad events Checkout availability burned since ${
        attribution.from
      }, ${words} coincided with resource:default/prod-cluster (owned by group:default/runtime-platform) burning its own budget faster than 1×, 0.0 % with resource:default/checkout-db (owned by group:default/runtime-platform). Coinciding is not causing, and shares overlap.`,
    );
    expect(answer.structuredContent.summary).toContain(attribution.summary);
    // No dependency has a latency SLO: nothing to compare its burn with.
    expect(latency).toMatchObject({
      sloRef: 'slo:default/checkout-latency',
      dependencies: [],
      summary:
        'Checkout latency: no dependency has an SLO of its kind to compare its burn with.',
    });

    // The same answer the burn-attribution endpoint gives (one computation).
    const rest = await request(backend.server)
      .get('/api/slo/v1/slos/default/checkout-availability/burn-attribution')
      .set('Authorization', mockCredentials.user.header('user:default/guest'));
    expect(rest.status).toBe(200);
    const { slo, entityRef: _, kind: __, ...endpoint } = rest.body;
    const { sloRef, summary: ___, ...action } = attribution;
    expect(sloRef).toBe(slo.ref);
    expect(action).toEqual(endpoint);
    await client.close();
  });

  it('answers get-slos for the payments-core system with its composite and each part worked by hand', async () => {
    const client = await connect('user:default/guest');
    const answer = await callWhenReady(
      client,
      'slo.get-slos',
      { entityRef: 'system:payments-core' },
      a =>
        !a.isError &&
        a.structuredContent.composites.length === 1 &&
        a.structuredContent.composites[0].consumed !== undefined,
    );
    const out = answer.structuredContent;
    expect(out.entityRef).toBe('system:default/payments-core');
    // A composite has no SLI of its own: it is not among the SLOs.
    expect(out.slos).toEqual([]);
    const [composite] = out.composites;
    // payments-gateway (weight 3): 1,200 bad of the 4,458 its month allows
    // (worked out above). The ledger (weight 1): one posting in 5,000 fails
    // against a 0.1 % budget, so about 0.02 / 0.1 = 20 % of its 28 days.
    const gateway = 1200 / 4458; // 0.26918
    const [gatewayPart, ledgerPart] = composite.parts;
    expect(gatewayPart).toMatchObject({
      ref: 'slo:default/payments-gateway-availability',
      weight: 3,
      weightShare: 0.75,
      status: 'warning',
    });
    expect(gatewayPart.consumed).toBeCloseTo(gateway, 9);
    expect(ledgerPart).toMatchObject({
      ref: 'slo:default/ledger-availability',
      weight: 1,
      weightShare: 0.25,
    });
    const ledger = ledgerPart.consumed;
    expect(ledger).toBeCloseTo(0.2, 2);
    // consumed = (3 × gateway + 1 × ledger) / 4 ≈ (0.80754 + 0.2) / 4 ≈ 0.2519
    expect(gatewayPart.contribution).toBeCloseTo((3 * gateway) / 4, 9);
    expect(ledgerPart.contribution).toBeCloseTo(ledger / 4, 12);
    expect(composite.consumed).toBeCloseTo((3 * gateway + ledger) / 4, 9);
    expect(composite.consumed).toBeCloseTo(0.2519, 3);
    expect(composite.remaining).toBeCloseTo(1 - composite.consumed, 12);
    expect(composite).toMatchObject({
      ref: 'slo:default/payments-core-availability',
      title: 'Payments core availability',
      serviceRef: 'system:default/payments-core',
      problems: [],
      budgetLeft: '74.8 % of budget left',
    });
    expect(composite.summary).toMatch(
      /^Payments core availability \(slo:default\/payments-core-availability, composite of 2 SLOs\) is \w+\. 74\.8 % of budget left: Payment authorisation availability \(weight 3\) spent 26\.9 % of its budget, 20\.2 % of the composite's; Ledger postings availability \(weight 1\) spent 20\.0 % of its budget, 5\.0 % of the composite's\.$/,
    );
    expect(out.summary).toContain(composite.summary);
    await client.close();
  });

  it('answers as if hidden entities did not exist', async () => {
    const guest = await connect('user:default/guest');
    // The guest sees both entities, so the catalog has them.
    await callWhenIndexed(guest, 'ownership.who-owns', {
      entityRef: 'checkout-service',
    });
    await callWhenReady(
      guest,
      'slo.get-slos',
      { entityRef: 'payments-gateway' },
      a => !a.isError && a.structuredContent.slos.length === 1,
    );
    await guest.close();

    const outsider = await connect(hiddenFrom);
    const errorOf = async (
      name: string,
      args: Record<string, unknown>,
      hiddenName: string,
    ) => {
      const answer = await call(outsider, name, args);
      expect(answer.isError).toBe(true);
      // Naming the missing entity where the hidden one was named.
      return answer.content[0].text.replace(hiddenName, '<name>');
    };
    for (const [name, arg, hidden, missing] of [
      ['slo.get-slos', 'entityRef', 'payments-gateway', 'no-such-service'],
      [
        'slo.check-release-gate',
        'entityRef',
        'payments-gateway',
        'no-such-service',
      ],
      [
        'slo.get-error-budget',
        'sloRef',
        'payments-gateway-availability',
        'no-such-slo',
      ],
      [
        'ownership.who-owns',
        'entityRef',
        'checkout-service',
        'no-such-service',
      ],
    ]) {
      const hiddenError = await errorOf(name, { [arg]: hidden }, hidden);
      expect(hiddenError).toMatch(/^NotFoundError: /);
      expect(hiddenError).toBe(
        await errorOf(name, { [arg]: missing }, missing),
      );
    }

    // Lookup and coverage leave the hidden entities out.
    const lookup = await call(outsider, 'ownership.lookup', {
      query: 'checkout-service',
    });
    expect(JSON.stringify(lookup.structuredContent)).not.toContain(
      'component:default/checkout-service',
    );
    await outsider.close();

    // Both hidden components are in production: the outsider counts two fewer.
    const sreTotal = async (userEntityRef: string) => {
      const client = await connect(userEntityRef);
      const coverage = await call(client, 'ownership.coverage', {
        role: 'sre',
      });
      await client.close();
      return coverage.structuredContent.roles[0].total as number;
    };
    expect(await sreTotal(hiddenFrom)).toBe(
      (await sreTotal('user:default/guest')) - 2,
    );
  });

  it('refuses bad input naming the field', async () => {
    const client = await connect('user:default/guest');
    const answer = await call(client, 'ownership.who-owns', {
      entityRef: 'group:sre-core',
    });
    expect(answer.isError).toBe(true);
    expect(answer.content[0].text).toMatch(
      /^InputError: entityRef: a group has no ownership roles/,
    );
    await client.close();
  });

  it('serves the scorecard facts of the example entities', async () => {
    const get = (path: string, user = 'user:default/guest') =>
      request(backend.server)
        .get(path)
        .set('Authorization', mockCredentials.user.header(user));

    const payments = await get(
      '/api/slo/v1/entities/component/default/payments-gateway/facts',
    );
    expect(payments.status).toBe(200);
    expect(payments.body).toMatchObject({
      entityRef: 'component:default/payments-gateway',
      evaluatedAt: NOW.toISOString(),
      facts: {
        hasSlo: true,
        sloCount: 1,
        pageTierFiring: true,
        breachedCount: 0,
      },
    });
    // The budget worked by hand above: 1,200 bad of 4,458 allowed.
    expect(payments.body.facts.minBudgetRemaining).toBeCloseTo(
      1 - 1200 / 4458,
      9,
    );

    // cart-service is an example component no SLO measures.
    const cart = await get(
      '/api/slo/v1/entities/component/default/cart-service/facts',
    );
    expect(cart.body).toEqual({
      entityRef: 'component:default/cart-service',
      facts: {
        hasSlo: false,
        sloCount: 0,
        minBudgetRemaining: null,
        pageTierFiring: false,
        breachedCount: 0,
      },
    });

    const checkout = await get(
      '/api/ownership/v1/entities/component/default/checkout-service/facts',
    );
    expect(checkout.status).toBe(200);
    expect(checkout.body).toMatchObject({
      entityRef: 'component:default/checkout-service',
      facts: {
        roles: {
          devops: {
            status: 'covered',
            holder: 'group:default/checkout-team',
            source: 'default',
          },
          sre: {
            status: 'covered',
            holder: 'group:default/sre-core',
            source: 'inherited',
          },
        },
        orphaned: false,
      },
    });

    // Hidden entities have no facts, exactly like missing ones.
    for (const [plugin, hidden] of [
      ['slo', 'payments-gateway'],
      ['ownership', 'checkout-service'],
    ]) {
      const path = (name: string) =>
        `/api/${plugin}/v1/entities/component/default/${name}/facts`;
      const hiddenAnswer = await get(path(hidden), hiddenFrom);
      const missingAnswer = await get(path('no-such-service'), hiddenFrom);
      expect(hiddenAnswer.status).toBe(404);
      expect(missingAnswer.status).toBe(404);
      expect(hiddenAnswer.body.error.message.replace(hidden, '<name>')).toBe(
        missingAnswer.body.error.message.replace('no-such-service', '<name>'),
      );
    }
  });
});
