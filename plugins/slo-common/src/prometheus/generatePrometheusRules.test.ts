import { validateOpenSloDocument } from '../openslo/validateOpenSloDocument';
import { generatePrometheusRules } from './generatePrometheusRules';
import { PrometheusRule, PrometheusRuleGroup } from './types';
import { LocatedOpenSloDocument } from './readOpenSloFiles';
// The tests run in Node, where promtool does; the package itself stays common.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { runPromtool } from '@triad/test-utils';

function located(...docs: Record<string, unknown>[]): LocatedOpenSloDocument[] {
  return docs.map((doc, i) => {
    const result = validateOpenSloDocument(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return { document: result.document, file: 'slos.yaml', index: i + 1 };
  });
}

function availabilitySlo(
  name: string,
  window: string,
  target = 0.999,
): Record<string, unknown> {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name, displayName: `${name} availability` },
    spec: {
      service: 'api',
      indicator: {
        metadata: { name: `${name}-requests` },
        spec: {
          ratioMetric: {
            counter: true,
            good: {
              metricSource: {
                metricSourceRef: 'prometheus',
                spec: {
                  query: `http_requests_total{job="${name}",code!~"5.."}`,
                },
              },
            },
            total: {
              metricSource: {
                metricSourceRef: 'prometheus',
                spec: { query: `http_requests_total{job="${name}"}` },
              },
            },
          },
        },
      },
      timeWindow: [{ duration: window, isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target }],
    },
  };
}

const alerts = (groups: PrometheusRuleGroup[]) =>
  groups.flatMap(g => g.rules).filter(r => r.alert);

/** Reads `> (k * EB)` back out of an alert expression. */
function thresholdsOf(rule: PrometheusRule): Array<[number, number]> {
  return [...rule.expr.matchAll(/> \(([\d.]+) \* ([\d.]+)\)/g)].map(m => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

describe('generatePrometheusRules', () => {
  it.each([
    ['30d', [14.4, 6, 3, 1]],
    ['28d', [13.44, 5.6, 2.8, 0.9333333333]],
  ])(
    'uses the burn-rate factors of the reference table for %s',
    (window, factors) => {
      const { groups, problems, slos } = generatePrometheusRules(
        located(availabilitySlo('api', window)),
      );
      expect(problems).toEqual([]);
      const rules = alerts(groups);
      expect(rules.map(r => r.labels?.severity)).toEqual([
        'page',
        'page',
        'ticket',
        'ticket',
      ]);
      expect(rules.map(r => r.labels?.slo_tier)).toEqual([
        'page-fast',
        'page-slow',
        'ticket-fast',
        'ticket-slow',
      ]);
      rules.forEach((rule, i) => {
        // Both windows compare against the same k × (1 − target).
        expect(thresholdsOf(rule)).toEqual([
          [factors[i], 0.001],
          [factors[i], 0.001],
        ]);
      });
      expect(rules[0].expr).toContain('slo:sli_error:ratio_rate1h{');
      expect(rules[0].expr).toContain('slo:sli_error:ratio_rate5m{');
      expect(rules[3].expr).toContain('slo:sli_error:ratio_rate3d{');
      expect(rules[3].expr).toContain('slo:sli_error:ratio_rate6h{');
      expect(slos[0].objectives[0].alerts.map(a => a.threshold)).toEqual(
        factors.map(f => Number((f * 0.001).toPrecision(10))),
      );
    },
  );

  it('records the error ratio for every alert window, with the SLO labels', () => {
    const { groups } = generatePrometheusRules(
      located(availabilitySlo('api', '30d', 0.995)),
      { labels: { team: 'checkout' }, runbookUrl: 'https://runbooks/api' },
    );
    expect(groups.map(g => g.name)).toEqual(['slo-api']);
    const records = groups[0].rules.filter(r => r.record);
    expect(records.map(r => r.record)).toEqual([
      'slo:sli_error:ratio_rate5m',
      'slo:sli_error:ratio_rate30m',
      'slo:sli_error:ratio_rate1h',
      'slo:sli_error:ratio_rate2h',
      'slo:sli_error:ratio_rate6h',
      'slo:sli_error:ratio_rate1d',
      'slo:sli_error:ratio_rate3d',
      'slo:objective:ratio',
      'slo:error_budget:ratio',
    ]);
    expect(records[0].expr).toBe(
      '1 - (sum(increase(http_requests_total{job="api",code!~"5.."}[5m])) or vector(0)) / (sum(increase(http_requests_total{job="api"}[5m])) > 0)',
    );
    expect(records[8].expr).toBe('vector(0.005)');
    for (const rule of groups[0].rules) {
      expect(rule.labels).toMatchObject({
        slo: 'api',
        slo_service: 'api',
        slo_objective: '0',
        team: 'checkout',
      });
    }
    const [page] = alerts(groups);
    expect(page.alert).toBe('ApiErrorBudgetBurn');
    expect(page.annotations).toEqual({
      summary: 'api availability: error budget burning 14.4× too fast',
      description:
        'api availability (objective 99.5 % over 30d) has had an error ratio above 14.4 × 0.005 = 0.072 ' +
        'over the last 1h and 5m. At this rate 2 % of the error budget is spent in 1h and all of it in 50h.',
      runbook_url: 'https://runbooks/api',
    });
  });

  it('takes tiers from the AlertPolicy of the SLO, with alertAfter as for', () => {
    const slo = availabilitySlo('checkout', '28d');
    (slo.spec as Record<string, unknown>).alertPolicies = ['checkout-paging'];
    const { groups, problems } = generatePrometheusRules(
      located(
        slo,
        {
          apiVersion: 'openslo/v1',
          kind: 'AlertPolicy',
          metadata: { name: 'checkout-paging' },
          spec: {
            conditions: [
              { conditionRef: 'fast' },
              {
                kind: 'AlertCondition',
                metadata: { name: 'slow' },
                spec: {
                  severity: 'ticket',
                  condition: {
                    kind: 'burnrate',
                    op: 'gt',
                    threshold: 2,
                    lookbackWindow: '12h',
                    alertAfter: '30m',
                  },
                },
              },
            ],
          },
        },
        {
          apiVersion: 'openslo/v1',
          kind: 'AlertCondition',
          metadata: { name: 'fast' },
          spec: {
            severity: 'critical',
            condition: {
              kind: 'burnrate',
              op: 'gt',
              threshold: 20,
              lookbackWindow: '1h',
              alertAfter: '2m',
            },
          },
        },
      ),
    );
    expect(problems).toEqual([]);
    const rules = alerts(groups);
    expect(
      rules.map(r => [r.labels?.severity, r.for, thresholdsOf(r)[0]]),
    ).toEqual([
      ['critical', '2m', [20, 0.001]],
      ['ticket', '30m', [2, 0.001]],
    ]);
    // Short windows are a twelfth of the lookback window.
    expect(rules[1].expr).toContain('ratio_rate12h{');
    expect(rules[1].expr).toContain('ratio_rate1h{');
  });

  it("labels each alert with its policies' notification targets, for Alertmanager to route on", () => {
    const slo = availabilitySlo('checkout', '28d');
    (slo.spec as Record<string, unknown>).alertPolicies = ['checkout-paging'];
    const { groups, problems, slos } = generatePrometheusRules(
      located(
        slo,
        {
          apiVersion: 'openslo/v1',
          kind: 'AlertPolicy',
          metadata: { name: 'checkout-paging' },
          spec: {
            conditions: [{ conditionRef: 'fast' }],
            notificationTargets: [
              { targetRef: 'checkout-oncall' },
              {
                kind: 'AlertNotificationTarget',
                metadata: { name: 'checkout-channel' },
                spec: { target: 'slack' },
              },
            ],
          },
        },
        {
          apiVersion: 'openslo/v1',
          kind: 'AlertNotificationTarget',
          metadata: { name: 'checkout-oncall' },
          spec: { target: 'pagerduty' },
        },
        {
          apiVersion: 'openslo/v1',
          kind: 'AlertCondition',
          metadata: { name: 'fast' },
          spec: {
            severity: 'page',
            condition: { op: 'gt', threshold: 14.4, lookbackWindow: '1h' },
          },
        },
      ),
    );
    expect(problems).toEqual([]);
    const [rule] = alerts(groups);
    expect(rule.labels?.notification_targets).toBe(
      'checkout-oncall,checkout-channel',
    );
    expect(rule.annotations?.notification_targets).toBe(
      'checkout-oncall (pagerduty), checkout-channel (slack)',
    );
    expect(slos[0].objectives[0].alerts[0].notificationTargets).toEqual([
      'checkout-oncall',
      'checkout-channel',
    ]);
  });

  it('compares with >= for a gte condition, and points at a condition file with an unusable op', () => {
    const slo = availabilitySlo('checkout', '28d');
    (slo.spec as any).alertPolicies = [
      {
        kind: 'AlertPolicy',
        metadata: { name: 'inline' },
        spec: { conditions: [{ conditionRef: 'fast' }] },
      },
    ];
    const fast = (op: string) => ({
      apiVersion: 'openslo/v1',
      kind: 'AlertCondition',
      metadata: { name: 'fast' },
      spec: {
        severity: 'page',
        condition: {
          kind: 'burnrate',
          op,
          threshold: 20,
          lookbackWindow: '1h',
          alertAfter: '0m',
        },
      },
    });
    const gte = generatePrometheusRules(located(slo, fast('gte')));
    expect(gte.problems).toEqual([]);
    expect(alerts(gte.groups)[0].expr).toBe(
      [
        'slo:sli_error:ratio_rate1h{slo="checkout",slo_objective="0"} >= (20 * 0.001)',
        'and',
        'slo:sli_error:ratio_rate5m{slo="checkout",slo_objective="0"} >= (20 * 0.001)',
      ].join('\n'),
    );
    const lte = generatePrometheusRules(located(slo, fast('lte')));
    expect(lte.groups).toEqual([]);
    expect(lte.problems).toEqual([
      {
        file: 'slos.yaml',
        index: 2,
        kind: 'AlertCondition',
        name: 'fast',
        path: 'spec.condition.op',
        message:
          'is lte: a burn-rate alert fires when the budget burns faster than the threshold, so use gt or gte (used by SLO "checkout")',
      },
    ]);
  });

  it("measures an objective's own SLI, not the SLO's inline one", () => {
    const slo = availabilitySlo('checkout', '28d');
    (slo.spec as any).objectives = [{ target: 0.999, indicatorRef: 'own' }];
    const own = {
      apiVersion: 'openslo/v1',
      kind: 'SLI',
      metadata: { name: 'own' },
      spec: {
        ratioMetric: {
          counter: true,
          bad: {
            metricSource: { type: 'prometheus', spec: { query: 'own_errors' } },
          },
          total: {
            metricSource: { type: 'prometheus', spec: { query: 'own_total' } },
          },
        },
      },
    };
    const { groups, problems } = generatePrometheusRules(located(slo, own));
    expect(problems).toEqual([]);
    const [first] = groups[0].rules;
    expect(first.expr).toContain('own_errors');
    expect(first.expr).not.toContain('http_requests_total');
  });

  it('uses 30 days for calendar months', () => {
    const slo = availabilitySlo('pay', '1M');
    (slo.spec as any).timeWindow = [
      {
        duration: '1M',
        calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'UTC' },
      },
    ];
    const { groups } = generatePrometheusRules(located(slo));
    expect(thresholdsOf(alerts(groups)[0])[0]).toEqual([14.4, 0.001]);
  });

  it('reports what it cannot generate, naming the file, document and field', () => {
    const builtin = availabilitySlo('shop', '30d');
    const ratio = (builtin.spec as any).indicator.spec.ratioMetric;
    ratio.good.metricSource = ratio.total.metricSource = {
      metricSourceRef: 'builtin',
      spec: { series: 'shop/requests' },
    };
    const sliRef = availabilitySlo('cart', '30d');
    delete (sliRef.spec as any).indicator;
    (sliRef.spec as any).indicatorRef = 'missing-sli';
    const policy = availabilitySlo('ledger', '30d');
    (policy.spec as any).alertPolicies = [{ alertPolicyRef: 'nowhere' }];

    const result = generatePrometheusRules(
      located(availabilitySlo('ok', '30d'), builtin, sliRef, policy),
    );
    expect(result.groups.map(g => g.name)).toEqual(['slo-ok']);
    expect(result.problems).toEqual([
      {
        file: 'slos.yaml',
        index: 2,
        kind: 'SLO',
        name: 'shop',
        path: 'spec.indicator.spec.ratioMetric.good.metricSource.spec.query',
        message:
          'is required: Prometheus rules need a PromQL query (this SLI reads the series "shop/requests" of the built-in store, which Prometheus cannot query)',
      },
      {
        file: 'slos.yaml',
        index: 3,
        kind: 'SLO',
        name: 'cart',
        path: 'spec.indicatorRef',
        message:
          'SLI "missing-sli" is not in the given files; pass the file that defines it',
      },
      {
        file: 'slos.yaml',
        index: 4,
        kind: 'SLO',
        name: 'ledger',
        path: 'spec.alertPolicies[0].alertPolicyRef',
        message:
          'AlertPolicy "nowhere" is not in the given files; pass the file that defines it',
      },
    ]);
  });

  it('points at a referenced SLI document when its query is unusable', () => {
    const slo = availabilitySlo('cart', '30d');
    delete (slo.spec as any).indicator;
    (slo.spec as any).indicatorRef = 'cart-requests';
    const { problems } = generatePrometheusRules(
      located(slo, {
        apiVersion: 'openslo/v1',
        kind: 'SLI',
        metadata: { name: 'cart-requests' },
        spec: {
          ratioMetric: {
            counter: true,
            bad: {
              metricSource: {
                type: 'prometheus',
                spec: { query: 'sum(rate(errors_total[5m]))' },
              },
            },
            total: {
              metricSource: {
                type: 'prometheus',
                spec: { query: 'requests_total' },
              },
            },
          },
        },
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      index: 2,
      kind: 'SLI',
      name: 'cart-requests',
      path: 'spec.ratioMetric.bad.metricSource.spec.query',
    });
    expect(problems[0].message).toMatch(
      /is a counter but not a series selector.*\(used by SLO "cart"\)$/,
    );
  });

  it('skips a composite SLO, naming its parts, and still generates its parts', () => {
    const composite = {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 'journey', namespace: 'shop' },
      spec: {
        service: 'system:shop',
        budgetingMethod: 'Occurrences',
        objectives: [{ sloRef: 'api', compositeWeight: 3 }, { sloRef: 'web' }],
      },
    };
    const { groups, slos, problems, skipped } = generatePrometheusRules(
      located(availabilitySlo('api', '28d'), composite),
    );
    expect(problems).toEqual([]);
    expect(slos.map(s => s.name)).toEqual(['api']);
    expect(groups).toHaveLength(1);
    expect(skipped).toEqual([
      {
        file: 'slos.yaml',
        name: 'journey',
        namespace: 'shop',
        reason:
          'composite SLO of api, web: it has no SLI of its own, so no PromQL to record or alert on (the rules of its parts cover it)',
      },
    ]);
    // Asked for by name, it is skipped too, not reported missing.
    const only = generatePrometheusRules(
      located(availabilitySlo('api', '28d'), composite),
      { slos: ['journey'] },
    );
    expect(only).toMatchObject({ groups: [], problems: [] });
    expect(only.skipped.map(s => s.name)).toEqual(['journey']);
  });

  it('checks the options', () => {
    const result = generatePrometheusRules(
      located(availabilitySlo('a', '7d')),
      {
        labels: { severity: 'x', '1bad': 'y' },
        slos: ['b'],
      },
    );
    expect(result.groups).toEqual([]);
    expect(result.problems.map(p => p.path)).toEqual([
      'labels.severity',
      'labels.1bad',
    ]);
    expect(
      generatePrometheusRules(located(availabilitySlo('a', '7d')), {
        slos: ['b'],
      }).problems,
    ).toEqual([
      {
        path: 'slos',
        message: 'no SLO named "b" in the given files (found: a)',
      },
    ]);
  });
});

describe('generated rules in promtool', () => {
  const slos = [
    availabilitySlo('api30', '30d'),
    availabilitySlo('api28', '28d'),
  ];

  it('pass promtool check rules', async () => {
    const { groups, problems } = generatePrometheusRules(located(...slos), {
      labels: { team: 'checkout' },
      runbookUrl: 'https://runbooks.example.com/api',
    });
    expect(problems).toEqual([]);
    const result = await runPromtool(['check', 'rules', 'rules.yml'], {
      'rules.yml': { groups },
    });
    expect(result.output).toContain('SUCCESS: 26 rules found');
    expect(result.code).toBe(0);
  });

  /**
   * Runs 100 minutes of traffic with a constant error ratio through promtool's
   * rule unit tests: 'as expected' when exactly the given tiers fire for each
   * SLO and the 5-minute error ratio is `errors / total`, promtool's report
   * otherwise.
   */
  async function firing(
    errorsPerMinute: number,
    expected: Record<'api30' | 'api28', string[]>,
    totalPerMinute = 1000,
  ): Promise<string> {
    const { groups } = generatePrometheusRules(located(...slos));
    const rules = alerts(groups);
    const input_series = ['api30', 'api28'].flatMap(job => [
      {
        series: `http_requests_total{job="${job}",code="200"}`,
        values: `0+${totalPerMinute - errorsPerMinute}x120`,
      },
      {
        series: `http_requests_total{job="${job}",code="500"}`,
        values: `0+${errorsPerMinute}x120`,
      },
    ]);
    const alert_rule_test = (['api30', 'api28'] as const).map(job => ({
      eval_time: '100m',
      alertname: rules.find(r => r.labels?.slo === job)!.alert,
      exp_alerts: rules
        .filter(
          r =>
            r.labels?.slo === job && expected[job].includes(r.labels.slo_tier),
        )
        .map(r => ({
          exp_labels: { ...r.labels, alertname: r.alert },
          exp_annotations: r.annotations,
        })),
    }));
    // Rounded to parts per million: increase() leaves float noise.
    const promql_expr_test = ['api30', 'api28'].map(job => ({
      expr: `round(slo:sli_error:ratio_rate5m{slo="${job}"} * 1e6)`,
      eval_time: '100m',
      exp_samples: totalPerMinute
        ? [
            {
              labels: `{slo="${job}",slo_objective="0",slo_service="api"}`,
              value: Math.round((errorsPerMinute / totalPerMinute) * 1e6),
            },
          ]
        : [],
    }));
    const result = await runPromtool(['test', 'rules', 'test.yml'], {
      'rules.yml': { groups },
      'test.yml': {
        rule_files: ['rules.yml'],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series,
            alert_rule_test,
            promql_expr_test,
          },
        ],
      },
    });
    return result.code === 0 ? 'as expected' : result.output;
  }

  it('fire exactly the tiers whose threshold the error ratio exceeds', async () => {
    // 1.4 % errors: above 13.44 × 0.1 % (28 d) but below 14.4 × 0.1 % (30 d).
    expect(
      await firing(14, {
        api28: ['page-fast', 'page-slow', 'ticket-fast', 'ticket-slow'],
        api30: ['page-slow', 'ticket-fast', 'ticket-slow'],
      }),
    ).toBe('as expected');
    // 0.4 %: only the ticket tiers (2.8 × / 3 × and 0.93 × / 1 ×) fire.
    expect(
      await firing(4, {
        api28: ['ticket-fast', 'ticket-slow'],
        api30: ['ticket-fast', 'ticket-slow'],
      }),
    ).toBe('as expected');
    // 0.095 %: above 0.933 × 0.1 % (28 d, slowest ticket), below 1 × (30 d).
    expect(await firing(0.95, { api28: ['ticket-slow'], api30: [] })).toBe(
      'as expected',
    );
    expect(await firing(0, { api28: [], api30: [] })).toBe('as expected');
  });

  it('stay silent and record nothing without traffic', async () => {
    expect(await firing(0, { api28: [], api30: [] }, 0)).toBe('as expected');
  });
});
