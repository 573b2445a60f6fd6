/*
 * The CLI as a pipeline runs it: bin/triad-slo in a child process, with its
 * exit code, stdout and stderr.
 */
import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { Server, createServer } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { parse } from 'yaml';
import { runCli } from './__testUtils__/runCli';

const EXAMPLE_SLOS = resolve(__dirname, '../../../examples/slos.yaml');
const CORPUS = resolve(__dirname, '../../../examples/openslo-v1-corpus');
const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';

const run = runCli;

const prometheusSlo = (
  name: string,
  window: string,
  timeWindow = `    - duration: ${window}
      isRolling: true`,
) => `---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  service: checkout-service
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
              query: http_requests_total{job="checkout",code!~"5.."}
        total:
          metricSource:
            metricSourceRef: prometheus
            spec:
              query: http_requests_total{job="checkout"}
  timeWindow:
${timeWindow}
  budgetingMethod: Occurrences
  objectives:
    - target: 0.999
`;

describe('triad-slo', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'triad-slo-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('validates the example SLOs', async () => {
    const result = await run(['validate', EXAMPLE_SLOS]);
    expect(result).toEqual({
      code: 0,
      stdout: 'ok: 10 OpenSLO documents (5 SLOs) in 1 file\n',
      stderr: '',
    });
  });

  it('accepts every document of the OpenSLO v1 corpus, warning of the defaults it takes', async () => {
    const result = await run(['validate', CORPUS]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'ok: 20 OpenSLO documents (6 SLOs) in 5 files\n',
    );
    // The ambiguous fields, one warning each; nothing else.
    expect(
      result.stderr
        .trim()
        .split('\n')
        .map(line => line.replace(/^warning: .*?\): /, '')),
    ).toEqual([
      'spec.ratioMetric.counter: is not given: the metrics are read as counters (counter: true); say counter: false for gauges',
      expect.stringMatching(
        /^spec\.alertPolicies: is empty: the default burn-rate tiers apply/,
      ),
      'spec.objectives[0].op: is ignored: op and value compare a thresholdMetric SLI, and this SLI is a ratioMetric',
      'spec.timeWindow: is not given: Triad uses a rolling 28d window',
    ]);
    const github = await run(['validate', '--github', CORPUS]);
    expect(github.code).toBe(0);
    expect(github.stdout).toMatch(
      /^::warning file=.*slis\.yaml,line=\d+::.*spec\.ratioMetric\.counter: is not given/m,
    );
  });

  it('lists every problem with file, line, document and field, and exits 1', async () => {
    writeFileSync(
      join(dir, 'slos.yaml'),
      `${prometheusSlo('a', '28d').replace('0.999', '1.5')}${prometheusSlo(
        'b',
        '4 weeks',
      )}`,
    );
    writeFileSync(join(dir, 'broken.yml'), 'kind: [\n');
    const result = await run(['validate', '.'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'broken.yml:2 (document 1): YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'slos.yaml:2 (document 1, SLO "a"): spec.objectives[0].target: must be below 1; a 100 % objective leaves no error budget',
      'slos.yaml:31 (document 2, SLO "b"): spec.timeWindow[0].duration: "4 weeks" is not a duration; expected a positive whole number and one of s, m, h, d, w, M, Q, Y (e.g. 28d)',
      '',
    ]);
    expect(result.stderr).toBe('3 problems in 2 of 2 files\n');

    const github = await run(['validate', '--github', 'slos.yaml'], {
      cwd: dir,
    });
    expect(github.stdout.split('\n')[0]).toBe(
      '::error file=slos.yaml,line=2::slos.yaml:2 (document 1, SLO "a"): spec.objectives[0].target: must be below 1; a 100 %25 objective leaves no error budget',
    );
  });

  it('exits 2 on usage errors and unreadable files, 1 when nothing is found', async () => {
    expect((await run(['validate'])).code).toBe(2);
    expect(await run(['valdiate', 'x.yaml'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("error: unknown command 'valdiate'"),
    });
    expect(await run(['validate', join(dir, 'missing.yaml')])).toMatchObject({
      code: 2,
      stderr: `error: cannot read ${join(dir, 'missing.yaml')}: no such file\n`,
    });
    writeFileSync(join(dir, 'empty.yaml'), 'kind: Component\n');
    expect(await run(['validate', join(dir, 'empty.yaml')])).toMatchObject({
      code: 1,
      stderr: `no OpenSLO document in ${join(dir, 'empty.yaml')}\n`,
    });
    expect((await run(['--help'])).code).toBe(0);
  });

  it('writes rules that promtool accepts, with the factors of each period', async () => {
    writeFileSync(
      join(dir, 'slos.yaml'),
      `${prometheusSlo('checkout-28d', '28d')}${prometheusSlo(
        'checkout-30d',
        '30d',
      )}${prometheusSlo(
        'checkout-month',
        '1M',
        `    - duration: 1M
      calendar: { startTime: '2026-01-01 00:00:00', timeZone: Europe/Berlin }`,
      )}`,
    );
    const result = await run(
      [
        'rules',
        'slos.yaml',
        '--out',
        'out/rules.yaml',
        '--label',
        'team=checkout',
        '--runbook-url',
        'https://runbooks.example.com/checkout',
      ],
      { cwd: dir },
    );
    expect(result).toEqual({
      code: 0,
      stdout: 'wrote 39 rules for 3 SLOs to out/rules.yaml\n',
      stderr: '',
    });
    const text = readFileSync(join(dir, 'out/rules.yaml'), 'utf8');
    const alerts = parse(text)
      .groups.flatMap((g: any) => g.rules)
      .filter((r: any) => r.alert);
    const factors = (slo: string) =>
      alerts
        .filter((a: any) => a.labels.slo === slo)
        .map((a: any) => Number(/> \(([\d.]+) \* 0\.001\)/.exec(a.expr)![1]));
    expect(factors('checkout-28d')).toEqual([13.44, 5.6, 2.8, 0.9333333333]);
    expect(factors('checkout-30d')).toEqual([14.4, 6, 3, 1]);
    // A calendar month counts 30 days, in the rules as on the SLO tab (the
    // SLO backend's test pins page-fast at 14.4 for December too).
    expect(factors('checkout-month')).toEqual([14.4, 6, 3, 1]);
    expect(alerts[0].labels).toMatchObject({
      severity: 'page',
      team: 'checkout',
    });

    const check = await new Promise<{ code: number; out: string }>(done =>
      execFile(
        PROMTOOL,
        ['check', 'rules', join(dir, 'out/rules.yaml')],
        (e, out, err) => done({ code: e ? 1 : 0, out: `${out}${err}` }),
      ),
    );
    expect(check.out).toContain('SUCCESS: 39 rules found');

    // To stdout, as a PrometheusRule; the summary goes to stderr.
    const operator = await run(
      [
        'rules',
        'slos.yaml',
        '--format',
        'operator',
        '--slo',
        'checkout-30d',
        '--namespace',
        'monitoring',
      ],
      { cwd: dir },
    );
    expect(operator.code).toBe(0);
    expect(operator.stderr).toBe('13 rules for 1 SLO\n');
    expect(parse(operator.stdout)).toMatchObject({
      kind: 'PrometheusRule',
      metadata: { name: 'slo-rules', namespace: 'monitoring' },
    });
  });

  it('skips composite SLOs, naming each on stderr, and writes the rules of their parts', async () => {
    const composite = (name: string, parts: string[]) => `---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
  service: system:checkout
  budgetingMethod: Occurrences
  objectives:
${parts.map(p => `    - sloRef: ${p}\n      compositeWeight: 2\n`).join('')}`;
    writeFileSync(
      join(dir, 'slos.yaml'),
      `${prometheusSlo('checkout-28d', '28d')}${composite('checkout-overall', [
        'checkout-28d',
        'checkout-30d',
      ])}${prometheusSlo('checkout-30d', '30d')}${composite('checkout-top', [
        'checkout-overall',
      ])}`,
    );
    const result = await run(['rules', 'slos.yaml', '--out', 'rules.yaml'], {
      cwd: dir,
    });
    // 13 rules for each of the two SLOs with an SLI, none for the composites.
    expect(result).toEqual({
      code: 0,
      stdout: 'wrote 26 rules for 2 SLOs to rules.yaml\n',
      stderr: [
        'skipped SLO checkout-overall (slos.yaml): composite SLO of checkout-28d, checkout-30d: it has no SLI of its own, so no PromQL to record or alert on (the rules of its parts cover it)',
        'skipped SLO checkout-top (slos.yaml): composite SLO of checkout-overall: it has no SLI of its own, so no PromQL to record or alert on (the rules of its parts cover it)',
        '',
      ].join('\n'),
    });
    const text = readFileSync(join(dir, 'rules.yaml'), 'utf8');
    const slos = new Set(
      parse(text)
        .groups.flatMap((g: any) => g.rules)
        .map((r: any) => r.labels.slo),
    );
    expect([...slos].sort()).toEqual(['checkout-28d', 'checkout-30d']);
    const check = await new Promise<{ code: number; out: string }>(done =>
      execFile(
        PROMTOOL,
        ['check', 'rules', join(dir, 'rules.yaml')],
        (e, out, err) => done({ code: e ? 1 : 0, out: `${out}${err}` }),
      ),
    );
    expect(check).toEqual({
      code: 0,
      out: expect.stringContaining('SUCCESS: 26 rules found'),
    });

    // Asked for a composite alone: nothing to write, and it says why.
    const alone = await run(['rules', 'slos.yaml', '--slo', 'checkout-top'], {
      cwd: dir,
    });
    expect(alone.code).toBe(1);
    expect(alone.stdout).toBe('');
    expect(alone.stderr).toBe(
      'skipped SLO checkout-top (slos.yaml): composite SLO of checkout-overall: it has no SLI of its own, so no PromQL to record or alert on (the rules of its parts cover it)\nno SLO with an SLI in slos.yaml\n',
    );
  });

  it('refuses SLIs it cannot turn into PromQL, and bad options', async () => {
    const result = await run(['rules', EXAMPLE_SLOS]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'slos.yaml:97 (document 7, SLO "checkout-latency"): spec.indicator.spec.ratioMetric.good.metricSource.spec.query: is required',
    );
    expect(result.stderr).toBe('no rules written: 5 problems\n');
    expect(
      await run(['rules', EXAMPLE_SLOS, '--format', 'helm']),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        "option '--format <format>' argument 'helm' is invalid",
      ),
    });
    expect(await run(['rules', EXAMPLE_SLOS, '--label', 'oops'])).toMatchObject(
      {
        code: 2,
        stderr: 'error: "oops" is not key=value\n',
      },
    );
  });

  describe('push', () => {
    let server: Server;
    let url: string;
    const received: Array<{ auth?: string; body: any }> = [];
    let answer: (body: any) => [number, unknown] = body => [
      202,
      { accepted: body.samples.length },
    ];

    beforeAll(async () => {
      server = createServer((req, res) => {
        let raw = '';
        req.on('data', c => {
          raw += c;
        });
        req.on('end', () => {
          const body = JSON.parse(raw);
          received.push({ auth: req.headers.authorization, body });
          const [status, json] =
            req.url === '/api/slo/v1/samples'
              ? answer(body)
              : [404, { error: { name: 'NotFoundError', message: req.url } }];
          res.writeHead(status, { 'Content-Type': 'application/json' });
          // Errors in Backstage's format carry the status again.
          res.end(
            JSON.stringify(
              status >= 400
                ? { ...(json as object), response: { statusCode: status } }
                : json,
            ),
          );
        });
      });
      await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise(r => server.close(r)));
    beforeEach(() => {
      received.length = 0;
      answer = body => [202, { accepted: body.samples.length }];
    });

    it('pushes CSV samples in batches with the token', async () => {
      writeFileSync(
        join(dir, 'samples.csv'),
        [
          'series,timestamp,good,total',
          'checkout-service/requests,2026-11-28T10:15:00Z,998,1000',
          'checkout-service/requests,2026-11-28T10:16:00Z,1000,1000',
          '# a comment',
          'payments/authorisations,1795774620000,50,50',
          '',
        ].join('\n'),
      );
      const result = await run(
        ['push', '--url', url, '--batch-size', '2', 'samples.csv'],
        { cwd: dir, env: { TRIAD_SLO_TOKEN: 'secret-token' } },
      );
      expect(result).toEqual({
        code: 0,
        stdout: `pushed 3 samples of 2 series to ${url}/api/slo\n`,
        stderr: '',
      });
      expect(received.map(r => r.auth)).toEqual([
        'Bearer secret-token',
        'Bearer secret-token',
      ]);
      expect(received.flatMap(r => r.body.samples)).toEqual([
        {
          series: 'checkout-service/requests',
          timestamp: '2026-11-28T10:15:00Z',
          good: 998,
          total: 1000,
        },
        {
          series: 'checkout-service/requests',
          timestamp: '2026-11-28T10:16:00Z',
          good: 1000,
          total: 1000,
        },
        {
          series: 'payments/authorisations',
          timestamp: 1795774620000,
          good: 50,
          total: 50,
        },
      ]);
    });

    it('checks the file before sending anything, and reports refusals', async () => {
      writeFileSync(
        join(dir, 'samples.json'),
        JSON.stringify({
          samples: [
            { series: 'a', timestamp: 'yesterday', good: 1, total: 1 },
            { series: '', timestamp: 1, good: 1.5, total: 2 },
          ],
        }),
      );
      const bad = await run(
        ['push', '--url', url, '--token', 't', 'samples.json'],
        { cwd: dir },
      );
      expect(bad.code).toBe(1);
      expect(bad.stdout.split('\n')).toEqual([
        'samples.json: samples[0]: timestamp: must be an ISO 8601 time or epoch milliseconds, got "yesterday"',
        'samples.json: samples[1]: series: must be a non-empty string',
        'samples.json: samples[1]: good: must be a whole number of events, got 1.5',
        '',
      ]);
      expect(received).toEqual([]);

      writeFileSync(
        join(dir, 'samples.json'),
        JSON.stringify([{ series: 'a', timestamp: 1, good: 5, total: 2 }]),
      );
      answer = () => [
        400,
        {
          error: {
            name: 'InputError',
            message: 'samples[0].good: must not exceed total (5 > 2)',
          },
        },
      ];
      const refused = await run(
        ['push', '--url', `${url}/api/slo/`, '--token', 't', 'samples.json'],
        { cwd: dir },
      );
      expect(refused).toEqual({
        code: 1,
        stdout:
          'samples.json (samples 1-1 of 1): samples[0].good: must not exceed total (5 > 2)\n',
        stderr: 'the backend refused samples 1-1 of 1\n',
      });
    });

    it('exits 2 without a token, with a refused token and without a backend', async () => {
      writeFileSync(
        join(dir, 'samples.json'),
        JSON.stringify([{ series: 'a', timestamp: 1, good: 1, total: 1 }]),
      );
      expect(
        await run(['push', '--url', url, 'samples.json'], { cwd: dir }),
      ).toMatchObject({
        code: 2,
        stderr:
          'error: a token is required: --token <token> or the TRIAD_SLO_TOKEN environment variable\n',
      });
      answer = () => [
        401,
        { error: { name: 'AuthenticationError', message: 'invalid token' } },
      ];
      expect(
        await run(['push', '--url', url, '--token', 'bad', 'samples.json'], {
          cwd: dir,
        }),
      ).toMatchObject({
        code: 2,
        stderr: 'error: the backend refused the token (401): invalid token\n',
      });
      const closed = createServer();
      await new Promise<void>(r => closed.listen(0, '127.0.0.1', () => r()));
      const port = (closed.address() as AddressInfo).port;
      await new Promise(r => closed.close(r));
      expect(
        await run(
          [
            'push',
            '--url',
            `http://127.0.0.1:${port}`,
            '--token',
            't',
            'samples.json',
          ],
          { cwd: dir },
        ),
      ).toMatchObject({
        code: 2,
        stderr: `error: cannot reach http://127.0.0.1:${port}/api/slo: ECONNREFUSED\n`,
      });
      expect(
        await run(['push', '--token', 't', 'samples.json'], { cwd: dir }),
      ).toMatchObject({
        code: 2,
        stderr: expect.stringContaining(
          "required option '--url <url>' not specified",
        ),
      });
    });
  });
});
