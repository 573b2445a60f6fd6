/*
 * triad-slo import as a pipeline runs it, on Sloth and Pyrra SLOs written for
 * this test from the two projects' published specifications. The rules that
 * `triad-slo rules` makes of the imported OpenSLO are checked against the
 * alert windows and thresholds the two projects document for the same SLO.
 */
import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { parse } from 'yaml';

const BIN = resolve(__dirname, '../bin/triad-slo');
const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';

function run(args: string[], cwd: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>(done =>
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd },
      (error, stdout, stderr) =>
        done({ code: error ? (error.code as number) : 0, stdout, stderr }),
    ),
  );
}

// A Sloth `prometheus/v1` spec (fields as the spec's Go types document them).
const SLOTH = `version: prometheus/v1
service: orders-api
labels:
  tier: "1"
slos:
  - name: http-availability
    objective: 99.9
    description: The orders API answers without a server error.
    sli:
      events:
        error_query: sum(rate(orders_http_requests_total{code=~"5.."}[{{.window}}]))
        total_query: sum(rate(orders_http_requests_total[{{.window}}]))
    alerting:
      name: OrdersApiAvailability
      labels:
        team: orders
      annotations:
        runbook: https://runbooks.example.com/orders-availability
      page_alert:
        labels:
          severity: critical
      ticket_alert:
        labels:
          severity: warning
  - name: checkout-plugin
    objective: 99
    sli:
      plugin:
        id: example/availability
        options:
          job: checkout
    alerting:
      name: CheckoutAvailability
`;

// Pyrra ServiceLevelObjectives (fields as Pyrra's CRD types document them):
// a ratio over four weeks, and a latency SLO over two weeks.
const PYRRA = `apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata:
  name: orders-api-errors
  namespace: shop
  labels:
    pyrra.dev/team: orders
spec:
  target: "99.5"
  window: 4w
  description: Orders API requests without a server error.
  indicator:
    ratio:
      errors:
        metric: orders_http_requests_total{code=~"5.."}
      total:
        metric: orders_http_requests_total
---
apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata:
  name: orders-api-latency
spec:
  target: "99"
  window: 2w
  indicator:
    latency:
      success:
        metric: orders_http_request_duration_seconds_bucket{le="0.5"}
      total:
        metric: orders_http_request_duration_seconds_count
  alerting:
    severities:
      slowBurn: ticket
      longTermBurn: ticket
`;

const toMinutes = (d: string) =>
  Number(d.slice(0, -1)) * { m: 1, h: 60, d: 1440 }[d.slice(-1) as 'm']!;

interface AlertFigures {
  severity: string;
  long: string;
  short: string;
  threshold: string;
  for?: string;
}

/** What each alert rule of a rule file fires on, for one SLO. */
function alertsOf(rulesYaml: string, slo: string): AlertFigures[] {
  return parse(rulesYaml)
    .groups.flatMap((g: any) => g.rules)
    .filter((r: any) => r.alert && r.labels.slo === slo)
    .map((r: any) => {
      const [, long, factor, budget] =
        /ratio_rate(\w+)\{[^}]*\} > \(([\d.]+) \* ([\d.]+)\)/.exec(r.expr)!;
      const [, short] = /and\nslo:sli_error:ratio_rate(\w+)\{/.exec(r.expr)!;
      return {
        severity: r.labels.severity,
        long,
        short,
        threshold: `${factor} × ${budget}`,
        ...(r.for && { for: r.for }),
      };
    });
}

describe('triad-slo import', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'triad-slo-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("turns a Sloth spec into OpenSLO whose rules are Sloth's", async () => {
    writeFileSync(join(dir, 'sloth.yaml'), SLOTH);
    const imported = await run(
      ['import', 'sloth.yaml', '--out', 'openslo/orders.yaml'],
      dir,
    );
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe(
      'wrote 1 OpenSLO SLO to openslo/orders.yaml\n',
    );
    // What could not be carried over, one line each.
    expect(imported.stderr.trim().split('\n')).toEqual([
      'not carried over: Sloth service "orders-api": labels: are Prometheus labels of every rule, which OpenSLO has no field for; pass them to the rules (triad-slo rules --label tier=1)',
      'not carried over: Sloth service "orders-api" SLO "http-availability": slos[0].alerting.name: Triad names the alerts after the SLO ("orders-api-http-availability"), not "OrdersApiAvailability"',
      'not carried over: Sloth service "orders-api" SLO "http-availability": slos[0].alerting.labels: have no OpenSLO field; pass labels with triad-slo rules --label',
      'not carried over: Sloth service "orders-api" SLO "http-availability": slos[0].alerting.annotations: have no OpenSLO field; pass the runbook with triad-slo rules --runbook-url https://runbooks.example.com/orders-availability',
      'not carried over: Sloth service "orders-api" SLO "checkout-plugin": slos[1].sli.plugin: the SLI plugin "example/availability" runs inside Sloth; write its queries as sli.events to import this SLO',
    ]);
    const slo = parse(readFileSync(join(dir, 'openslo/orders.yaml'), 'utf8'));
    expect(slo.spec).toMatchObject({
      service: 'orders-api',
      timeWindow: [{ duration: '30d', isRolling: true }],
      objectives: [{ targetPercent: 99.9 }],
      indicator: {
        spec: {
          ratioMetric: {
            bad: {
              metricSource: {
                metricSourceRef: 'prometheus',
                spec: {
                  query:
                    'sum(rate(orders_http_requests_total{code=~"5.."}[{{.window}}]))',
                },
              },
            },
          },
        },
      },
    });

    expect(await run(['validate', 'openslo'], dir)).toMatchObject({
      code: 0,
      stdout: 'ok: 1 OpenSLO document (1 SLO) in 1 file\n',
      stderr: '',
    });
    const rules = await run(['rules', 'openslo', '--out', 'rules.yaml'], dir);
    expect(rules.code).toBe(0);
    const text = readFileSync(join(dir, 'rules.yaml'), 'utf8');
    // Sloth's documentation (sloth.dev, "SLO period windows"): the default
    // period is 30 days, with the SRE workbook's windows; its built-in 30-day
    // AlertWindows page at 2 % of the budget over 1h/5m and 5 % over 6h/30m,
    // and open tickets at 10 % over 1d/2h and 10 % over 3d/6h. Over 30 days
    // these are burn rates 14.4, 6, 3 and 1 (k = p × 30d / long window), of
    // a 99.9 % objective's 0.001 error ratio.
    expect(alertsOf(text, 'orders-api-http-availability')).toEqual([
      {
        severity: 'critical',
        long: '1h',
        short: '5m',
        threshold: '14.4 × 0.001',
      },
      {
        severity: 'critical',
        long: '6h',
        short: '30m',
        threshold: '6 × 0.001',
      },
      { severity: 'warning', long: '1d', short: '2h', threshold: '3 × 0.001' },
      { severity: 'warning', long: '3d', short: '6h', threshold: '1 × 0.001' },
    ]);
    const check = await new Promise<string>(done =>
      execFile(
        PROMTOOL,
        ['check', 'rules', join(dir, 'rules.yaml')],
        (_e, o, e) => done(`${o}${e}`),
      ),
    );
    expect(check).toContain('SUCCESS');
    // Sloth's {{.window}} queries are filled in for every window.
    expect(text).toContain(
      'sum(rate(orders_http_requests_total{code=~"5.."}[1h]))',
    );

    // Sloth run with --default-slo-period 28d: its 28-day windows.
    const four = await run(
      ['import', 'sloth.yaml', '--sloth-period', '28d', '--out', 'o28/s.yaml'],
      dir,
    );
    expect(four.code).toBe(0);
    await run(['rules', 'o28', '--out', 'rules28.yaml'], dir);
    expect(
      alertsOf(
        readFileSync(join(dir, 'rules28.yaml'), 'utf8'),
        'orders-api-http-availability',
      ).map(a => a.threshold),
    ).toEqual([
      '13.44 × 0.001',
      '5.6 × 0.001',
      '2.8 × 0.001',
      '0.9333333333 × 0.001',
    ]);
  });

  it("turns Pyrra ServiceLevelObjectives into OpenSLO whose rules are Pyrra's", async () => {
    writeFileSync(join(dir, 'pyrra.yaml'), PYRRA);
    const imported = await run(
      [
        'import',
        'pyrra.yaml',
        '--service',
        'orders-api',
        '--out',
        'openslo/orders.yaml',
      ],
      dir,
    );
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe(
      'wrote 2 OpenSLO SLOs to openslo/orders.yaml\n',
    );
    expect(imported.stderr.trim().split('\n')).toEqual([
      'not carried over: Pyrra ServiceLevelObjective "orders-api-errors": metadata.namespace: "shop" is a Kubernetes namespace, not a catalog one; the SLO goes to the default namespace',
      'not carried over: Pyrra ServiceLevelObjective "orders-api-errors": metadata.labels: pyrra.dev/team label the rules in Pyrra; pass them with triad-slo rules --label',
      'not carried over: Pyrra ServiceLevelObjective "orders-api-errors": spec.alerting.absent: Pyrra\'s alert for a missing metric has no OpenSLO equivalent; Triad shows such an SLO as having no data',
      'not carried over: Pyrra ServiceLevelObjective "orders-api-latency": spec.alerting.absent: Pyrra\'s alert for a missing metric has no OpenSLO equivalent; Triad shows such an SLO as having no data',
    ]);
    expect((await run(['validate', 'openslo'], dir)).code).toBe(0);
    const rules = await run(['rules', 'openslo', '--out', 'rules.yaml'], dir);
    expect(rules.code).toBe(0);
    const text = readFileSync(join(dir, 'rules.yaml'), 'utf8');
    // Pyrra's documentation of its four burn-rate alerts (slo/rules.go,
    // Windows, for a 28-day window): 1h/5m at burn rate 14 for 2m and 6h/30m
    // at 7 for 15m (critical); 1d/2h at 2 for 1h and 4d/6h at 1 for 3h
    // (warning). A 99.5 % target leaves a 0.005 error ratio.
    expect(alertsOf(text, 'orders-api-errors')).toEqual([
      {
        severity: 'critical',
        long: '1h',
        short: '5m',
        threshold: '14 × 0.005',
        for: '2m',
      },
      {
        severity: 'critical',
        long: '6h',
        short: '30m',
        threshold: '7 × 0.005',
        for: '15m',
      },
      {
        severity: 'warning',
        long: '1d',
        short: '2h',
        threshold: '2 × 0.005',
        for: '1h',
      },
      {
        severity: 'warning',
        long: '4d',
        short: '6h',
        threshold: '1 × 0.005',
        for: '3h',
      },
    ]);
    // Pyrra's README: an SLO over 2w gets burn rates over 3m, 15m, 30m, 1h,
    // 3h, 12h and 2d (the 28-day windows halved, to the minute).
    const latency = alertsOf(text, 'orders-api-latency');
    expect(
      [...new Set(latency.flatMap(a => [a.long, a.short]))].sort(
        (a, b) => toMinutes(a) - toMinutes(b),
      ),
    ).toEqual(['3m', '15m', '30m', '1h', '3h', '12h', '2d']);
    expect(latency.map(a => [a.severity, a.threshold])).toEqual([
      ['critical', '14 × 0.01'],
      ['critical', '7 × 0.01'],
      ['ticket', '2 × 0.01'],
      ['ticket', '1 × 0.01'],
    ]);
  });

  it('says so when nothing can be imported', async () => {
    writeFileSync(join(dir, 'other.yaml'), 'kind: Component\n');
    expect(await run(['import', 'other.yaml'], dir)).toMatchObject({
      code: 1,
      stderr:
        'no Sloth spec or Pyrra ServiceLevelObjective imported from other.yaml\n',
    });
    expect(
      (await run(['import', 'other.yaml', '--sloth-period', '7d'], dir)).stderr,
    ).toBe(
      `error: --sloth-period must be 30d or 28d (Sloth's built-in periods), not "7d"\n`,
    );
  });
});
