/*
 * slo:prometheus:rules with alerts routed by ownership: the owner from the
 * catalog, the SRE holder from a loopback server that answers as the
 * ownership backend does, the route tree checked by amtool.
 */
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EntityOwnershipResponse } from '@triad/plugin-ownership-common';
import { execFile } from 'child_process';
import { readFileSync } from 'fs';
import { Server, createServer } from 'http';
import { AddressInfo } from 'net';
import { join } from 'path';
import { parse } from 'yaml';
import { CATALOG_INFO } from '../__testUtils__/fixtures';
import { exampleInput, runAction, runPromtool } from '@triad/test-utils';
import { createOpenSloCreateAction } from './createOpenSloAction';
import { createPrometheusRulesAction } from './prometheusRulesAction';

const AMTOOL = process.env.AMTOOL ?? '/usr/bin/amtool';

const component = (name: string, owner: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

const sreOf: Record<string, string | undefined> = {
  'checkout-service': 'group:default/sre-core',
  'search-service': undefined,
};

describe('slo:prometheus:rules routed by ownership', () => {
  const mockDir = createMockDirectory();
  const workspacePath = () => join(mockDir.path, 'workspace');
  const requests: Array<{ url?: string; authorization?: string }> = [];
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push({ url: req.url, authorization: req.headers.authorization });
      const name =
        /^\/api\/ownership\/v1\/entities\/component\/default\/(.+)$/.exec(
          req.url!,
        )?.[1];
      res.writeHead(name ? 200 : 404, { 'Content-Type': 'application/json' });
      const sre = name && sreOf[name];
      const body: EntityOwnershipResponse = {
        entity: {
          ref: `component:default/${name}`,
          kind: 'component',
          namespace: 'default',
          name: name!,
        },
        roles: [
          sre
            ? {
                role: 'sre',
                title: 'SRE',
                status: 'covered',
                owner: {
                  ref: sre,
                  kind: 'group',
                  namespace: 'default',
                  name: sre.split('/')[1],
                },
                provenance: { source: 'explicit', path: [] },
              }
            : { role: 'sre', title: 'SRE', status: 'uncovered', searched: [] },
        ],
        indexedAt: '2026-12-05T06:00:00.000Z',
      };
      res.end(JSON.stringify(body));
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(r => server.close(r)));

  const action = createPrometheusRulesAction({
    catalog: catalogServiceMock({
      entities: [
        component('checkout-service', 'group:default/checkout-team'),
        component('search-service', 'group:default/search-team'),
      ],
    }),
    discovery: {
      getBaseUrl: async (pluginId: string) => `${baseUrl}/api/${pluginId}`,
      getExternalBaseUrl: async (pluginId: string) =>
        `${baseUrl}/api/${pluginId}`,
    },
    auth: mockServices.auth(),
  });

  beforeEach(async () => {
    requests.length = 0;
    mockDir.setContent({ workspace: { 'catalog-info.yaml': CATALOG_INFO } });
    for (const service of ['checkout-service', 'search-service']) {
      await runAction(
        createOpenSloCreateAction(),
        {
          service,
          name: `${service}-availability`,
          target: 0.999,
          window: '30d',
          dataSource: 'prometheus',
          queries: {
            good: `http_requests_total{job="${service}",code!~"5.."}`,
            total: `http_requests_total{job="${service}"}`,
          },
          path: 'slos.yaml',
        },
        { workspacePath: workspacePath() },
      );
    }
  });

  it("labels every alert with its service's owners, adds the minimum-traffic guard, and writes a route tree amtool accepts", async () => {
    const output = await runAction(
      action,
      {
        labelOwners: true,
        minEventsPerHour: 100,
        alertmanagerPath: 'alertmanager/slo-routes.yaml',
      },
      { workspacePath: workspacePath() },
    );
    // The ownership backend is asked on behalf of the user.
    expect(requests).toEqual(
      ['checkout-service', 'search-service'].map(name => ({
        url: `/api/ownership/v1/entities/component/default/${name}`,
        authorization: `Bearer ${mockCredentials.service.token({
          onBehalfOf: mockCredentials.user(),
          targetPluginId: 'ownership',
        })}`,
      })),
    );
    const rules = parse(output.content).groups.flatMap((g: any) => g.rules);
    const labels = (service: string) =>
      rules
        .filter((r: any) => r.alert && r.labels.slo_service === service)
        .map((r: any) => [r.labels.owner, r.labels.sre_owner]);
    expect(labels('checkout-service')).toEqual(
      Array(4).fill(['group:default/checkout-team', 'group:default/sre-core']),
    );
    expect(labels('search-service')).toEqual(
      Array(4).fill(['group:default/search-team', undefined]),
    );
    expect(
      rules.find((r: any) => r.labels.slo_tier === 'page-fast').expr,
    ).toContain('>= 100');
    // 2 SLOs × (9 recordings + 4 event counts + 4 alerts).
    expect(output.rules).toBe(34);
    const check = await runPromtool(['check', 'rules', 'rules.yaml'], {
      'rules.yaml': output.content,
    });
    expect(check.output).toContain('SUCCESS: 34 rules found');

    expect(output.alertmanagerPath).toBe('alertmanager/slo-routes.yaml');
    const am = join(workspacePath(), 'alertmanager/slo-routes.yaml');
    expect(parse(readFileSync(am, 'utf8')).route.routes).toEqual([
      {
        receiver: 'checkout-team',
        matchers: ['owner="group:default/checkout-team"', 'severity="page"'],
      },
      {
        receiver: 'search-team',
        matchers: ['owner="group:default/search-team"', 'severity="page"'],
      },
    ]);
    const amCheck = await new Promise<{ code: number; output: string }>(done =>
      execFile(AMTOOL, ['check-config', am], (e, out, err) =>
        done({ code: e ? 1 : 0, output: `${out}${err}` }),
      ),
    );
    expect(amCheck.output).toContain('SUCCESS');
    expect(amCheck.code).toBe(0);
  });

  it.each(
    createPrometheusRulesAction()
      .examples!.filter(e => e.example.includes('labelOwners'))
      .map(e => [e.description, e.example]),
  )('runs the example: %s', async (_description, example) => {
    const output = await runAction(action, exampleInput(example), {
      workspacePath: workspacePath(),
    });
    const check = await runPromtool(['check', 'rules', 'rules.yaml'], {
      'rules.yaml': output.content,
    });
    expect(check.code).toBe(0);
    expect(output.alertmanagerPath).toBeDefined();
  });

  it('asks for labelOwners before writing a route tree', async () => {
    await expect(
      runAction(
        action,
        { alertmanagerPath: 'alertmanager/slo-routes.yaml' },
        { workspacePath: workspacePath() },
      ),
    ).rejects.toMatchObject({
      name: 'InputError',
      message:
        'alertmanagerPath: needs labelOwners: true, for the teams come from the owners',
    });
    expect(requests).toEqual([]);
  });
});
