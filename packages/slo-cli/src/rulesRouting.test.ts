/*
 * triad-slo rules with alerts routed by ownership: the owners come from a
 * local HTTP server that answers as the catalog
 * (`/api/catalog/entities/by-name/…`) and the ownership backend
 * (`/api/ownership/v1/entities/…`) do; the rules go through promtool and the
 * route tree through amtool.
 */
import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { Server, ServerResponse, createServer } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse } from 'yaml';
import { EntityOwnershipResponse } from '@triad/plugin-ownership-common';
import { runCli } from './__testUtils__/runCli';

const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';
const AMTOOL = process.env.AMTOOL ?? '/usr/bin/amtool';
const TOKEN = 'pipeline-token';

function tool(bin: string, args: string[]) {
  return new Promise<{ code: number; stdout: string; output: string }>(done =>
    execFile(bin, args, (e, stdout, stderr) =>
      done({
        code: typeof e?.code === 'number' ? e.code : Number(!!e),
        stdout,
        output: `${stdout}${stderr}`,
      }),
    ),
  );
}

const slo = (name: string, service: string, annotations = '') => `---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}${annotations}
spec:
  service: ${service}
  indicator:
    metadata:
      name: ${name}-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            metricSourceRef: prometheus
            spec:
              query: http_requests_total{job="${name}",code!~"5.."}
        total:
          metricSource:
            metricSourceRef: prometheus
            spec:
              query: http_requests_total{job="${name}"}
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
`;

/** The catalog's entities, and the ownership backend's SRE holders. */
const CATALOG: Record<string, { owner: string } | undefined> = {
  'component/default/checkout': { owner: 'group:default/checkout-team' },
  'component/default/payments': { owner: 'group:payments/card-team' },
  'component/default/search': { owner: 'group:default/search-team' },
};
const SRE: Record<string, EntityOwnershipResponse['roles'][number]> = {
  'component/default/checkout': {
    role: 'sre',
    title: 'SRE',
    status: 'covered',
    owner: {
      ref: 'group:default/sre-core',
      kind: 'group',
      namespace: 'default',
      name: 'sre-core',
    },
    provenance: { source: 'inherited', path: ['system:default/shop'] },
  },
  'component/default/payments': {
    role: 'sre',
    title: 'SRE',
    status: 'covered',
    owner: {
      ref: 'group:default/sre-payments',
      kind: 'group',
      namespace: 'default',
      name: 'sre-payments',
    },
    provenance: { source: 'explicit', path: [] },
  },
  'component/default/search': {
    role: 'sre',
    title: 'SRE',
    status: 'uncovered',
    searched: ['component:default/search'],
  },
};

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

describe('triad-slo rules routed by ownership', () => {
  let server: Server;
  let url: string;
  const requests: string[] = [];
  let dir: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.url} ${req.headers.authorization}`);
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        sendJson(res, 401, {
          error: { name: 'AuthenticationError', message: 'Illegal token' },
          response: { statusCode: 401 },
        });
        return;
      }
      const catalog = /^\/api\/catalog\/entities\/by-name\/(.+)$/.exec(
        req.url!,
      );
      const ownership = /^\/api\/ownership\/v1\/entities\/(.+)$/.exec(req.url!);
      const key = (catalog ?? ownership)?.[1] ?? '';
      const [kind, namespace, name] = key.split('/');
      const entity = CATALOG[key];
      if (!entity) {
        sendJson(res, 404, {
          error: { name: 'NotFoundError', message: `No entity ${key}` },
          response: { statusCode: 404 },
        });
      } else if (catalog) {
        sendJson(res, 200, {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name, namespace },
          spec: { type: 'service', owner: entity.owner },
          relations: [{ type: 'ownedBy', targetRef: entity.owner }],
        });
      } else {
        const response: EntityOwnershipResponse = {
          entity: {
            ref: `${kind}:${namespace}/${name}`,
            kind,
            namespace,
            name,
          },
          roles: [SRE[key]],
          indexedAt: '2026-12-05T06:00:00.000Z',
        };
        sendJson(res, 200, response);
      }
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(r => server.close(r)));
  beforeEach(() => {
    requests.length = 0;
    dir = mkdtempSync(join(tmpdir(), 'triad-slo-routing-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('labels every alert with the owners the backend names, guards low traffic and writes a route tree amtool accepts', async () => {
    writeFileSync(
      join(dir, 'slos.yaml'),
      [
        slo('checkout', 'checkout'),
        slo(
          'payments',
          'payments',
          `\n  annotations:\n    triad.dev/min-events-per-hour: "10"`,
        ),
        slo('search', 'search'),
        slo('legacy', 'legacy'),
      ].join(''),
    );
    const result = await runCli(
      [
        'rules',
        'slos.yaml',
        '--url',
        url,
        '--min-events-per-hour',
        '100',
        '--out',
        'rules.yaml',
        '--alertmanager-config',
        'alertmanager.yaml',
      ],
      { cwd: dir, env: { TRIAD_SLO_TOKEN: TOKEN } },
    );
    expect(result).toEqual({
      code: 0,
      stdout: 'wrote 68 rules for 4 SLOs to rules.yaml\n',
      stderr: [
        'warning: component:default/legacy: not in the catalog (or not readable with the token); no owner labels',
        'warning: component:default/search: no sre role holder (uncovered)',
        'wrote an Alertmanager route tree for 3 teams to alertmanager.yaml',
        '',
      ].join('\n'),
    });
    // One catalog and one ownership request per service, with the token.
    expect(requests).toHaveLength(7);
    expect(requests.every(r => r.endsWith(`Bearer ${TOKEN}`))).toBe(true);

    const rules = parse(readFileSync(join(dir, 'rules.yaml'), 'utf8'));
    const alerts = rules.groups
      .flatMap((g: any) => g.rules)
      .filter((r: any) => r.alert);
    const labelsOf = (service: string) =>
      alerts
        .filter((a: any) => a.labels.slo_service === service)
        .map((a: any) => [a.labels.owner, a.labels.sre_owner]);
    expect(labelsOf('checkout')).toEqual(
      Array(4).fill(['group:default/checkout-team', 'group:default/sre-core']),
    );
    expect(labelsOf('payments')).toEqual(
      Array(4).fill(['group:payments/card-team', 'group:default/sre-payments']),
    );
    expect(labelsOf('search')).toEqual(
      Array(4).fill(['group:default/search-team', undefined]),
    );
    expect(labelsOf('legacy')).toEqual(Array(4).fill([undefined, undefined]));
    // The guard: 100 an hour over 1 h, 10 an hour for payments (annotation).
    const pageFast = (service: string) =>
      alerts.find(
        (a: any) =>
          a.labels.slo_service === service && a.labels.slo_tier === 'page-fast',
      ).expr;
    expect(pageFast('checkout')).toContain(
      'slo:sli_events:increase1h{slo="checkout",slo_objective="0"} >= 100',
    );
    expect(pageFast('payments')).toContain(
      'slo:sli_events:increase1h{slo="payments",slo_objective="0"} >= 10',
    );

    const check = await tool(PROMTOOL, [
      'check',
      'rules',
      join(dir, 'rules.yaml'),
    ]);
    expect(check.output).toContain('SUCCESS: 68 rules found');

    const am = join(dir, 'alertmanager.yaml');
    const amCheck = await tool(AMTOOL, ['check-config', am]);
    expect(amCheck.output).toContain('SUCCESS');
    expect(amCheck.code).toBe(0);
    const route = async (...labels: string[]) =>
      (
        await tool(AMTOOL, [
          'config',
          'routes',
          'test',
          `--config.file=${am}`,
          ...labels,
        ])
      ).stdout.trim();
    expect(await route('owner=group:payments/card-team', 'severity=page')).toBe(
      'payments/card-team',
    );
    expect(
      await route('owner=group:default/checkout-team', 'severity=page'),
    ).toBe('checkout-team');
    expect(await route('severity=page')).toBe('slo-default');
  });

  it('routes by the SRE holder under labels of its own name', async () => {
    writeFileSync(join(dir, 'slos.yaml'), slo('checkout', 'checkout'));
    const result = await runCli(
      [
        'rules',
        'slos.yaml',
        '--url',
        `${url}/api/slo`,
        '--owner-label',
        'team',
        '--sre-label',
        'sre_team',
        '--alertmanager-config',
        'am/routes.yaml',
        '--route-by',
        'sre',
        '--route-severity',
        'page',
        '--route-severity',
        'ticket',
      ],
      { cwd: dir, env: { TRIAD_SLO_TOKEN: TOKEN } },
    );
    expect(result.code).toBe(0);
    const alert = parse(result.stdout).groups[0].rules.find(
      (r: any) => r.alert,
    );
    expect(alert.labels).toMatchObject({
      team: 'group:default/checkout-team',
      sre_team: 'group:default/sre-core',
    });
    expect(
      parse(readFileSync(join(dir, 'am/routes.yaml'), 'utf8')).route.routes,
    ).toEqual([
      {
        receiver: 'sre-core',
        matchers: [
          'sre_team="group:default/sre-core"',
          'severity=~"page|ticket"',
        ],
      },
    ]);
  });

  it('exits 2 without a token, with a refused one, or without --url for a route tree', async () => {
    writeFileSync(join(dir, 'slos.yaml'), slo('checkout', 'checkout'));
    expect(
      await runCli(['rules', 'slos.yaml', '--url', url], { cwd: dir }),
    ).toMatchObject({
      code: 2,
      stderr:
        'error: a token is required with --url: --token <token> or the TRIAD_SLO_TOKEN environment variable\n',
    });
    expect(
      await runCli(['rules', 'slos.yaml', '--url', url, '--token', 'stolen'], {
        cwd: dir,
      }),
    ).toMatchObject({
      code: 2,
      stderr:
        'error: the catalog backend refused the token (401): Illegal token\n',
    });
    expect(
      await runCli(['rules', 'slos.yaml', '--alertmanager-config', 'am.yaml'], {
        cwd: dir,
      }),
    ).toMatchObject({
      code: 2,
      stderr:
        'error: --alertmanager-config needs --url: the teams come from the backend\n',
    });
    expect(
      await runCli(['rules', 'slos.yaml', '--min-events-per-hour', 'many'], {
        cwd: dir,
      }),
    ).toMatchObject({
      code: 2,
      stderr:
        'error: --min-events-per-hour must be a number of 0 or more, not "many"\n',
    });
  });
});
