/*
 * Alerts routed by ownership: owner labels, the minimum-traffic guard and the
 * Alertmanager route tree, checked by promtool (rule unit tests over series
 * written here) and amtool (config check and routing test).
 */
import { validateOpenSloDocument } from '../openslo/validateOpenSloDocument';
import {
  alertmanagerRouteTree,
  teamReceiverName,
} from './alertmanagerRouteTree';
import { generatePrometheusRules } from './generatePrometheusRules';
import { PrometheusRuleGroup, PrometheusRuleOptions } from './types';
import { LocatedOpenSloDocument } from './readOpenSloFiles';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { runAmtool, runPromtool } from '@triad/test-utils';

function located(...docs: Record<string, unknown>[]): LocatedOpenSloDocument[] {
  return docs.map((doc, i) => {
    const result = validateOpenSloDocument(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return { document: result.document, file: 'slos.yaml', index: i + 1 };
  });
}

/** A 30-day 99.9 % availability SLO of `service`, on the job's requests. */
function slo(
  name: string,
  service: string,
  annotations?: Record<string, string>,
  indicator: Record<string, unknown> = {
    ratioMetric: {
      counter: true,
      good: {
        metricSource: {
          metricSourceRef: 'prometheus',
          spec: { query: `http_requests_total{job="${name}",code!~"5.."}` },
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
): Record<string, unknown> {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name, ...(annotations && { annotations }) },
    spec: {
      service,
      indicator: { metadata: { name: `${name}-requests` }, spec: indicator },
      timeWindow: [{ duration: '30d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.999 }],
    },
  };
}

const owners = new Map([
  [
    'component:default/checkout',
    { owner: 'group:default/checkout-team', sre: 'group:default/sre-core' },
  ],
  ['component:default/search', { owner: 'group:default/search-team' }],
]);

const alerts = (groups: PrometheusRuleGroup[]) =>
  groups.flatMap(g => g.rules).filter(r => r.alert);

describe('owner labels', () => {
  it("label every alert, and no recording rule, with the service's owner and SRE holder", () => {
    const { groups, slos, problems } = generatePrometheusRules(
      located(slo('checkout', 'checkout'), slo('search', 'search')),
      { owners },
    );
    expect(problems).toEqual([]);
    const byService = (s: string) =>
      alerts(groups).filter(r => r.labels?.slo_service === s);
    expect(byService('checkout')).toHaveLength(4);
    for (const rule of byService('checkout')) {
      expect(rule.labels).toMatchObject({
        owner: 'group:default/checkout-team',
        sre_owner: 'group:default/sre-core',
      });
    }
    // search has no SRE holder: the label is left out, not empty.
    for (const rule of byService('search')) {
      expect(rule.labels).toMatchObject({ owner: 'group:default/search-team' });
      expect(rule.labels).not.toHaveProperty('sre_owner');
    }
    for (const rule of groups.flatMap(g => g.rules).filter(r => r.record)) {
      expect(rule.labels).not.toHaveProperty('owner');
    }
    expect(slos.map(s => [s.serviceRef, s.owners])).toEqual([
      ['component:default/checkout', owners.get('component:default/checkout')],
      ['component:default/search', owners.get('component:default/search')],
    ]);
  });

  it('take configurable names, which must be free label names', () => {
    const named = generatePrometheusRules(
      located(slo('checkout', 'checkout')),
      {
        owners,
        ownerLabels: { owner: 'team', sre: 'sre_team' },
      },
    );
    expect(alerts(named.groups)[0].labels).toMatchObject({
      team: 'group:default/checkout-team',
      sre_team: 'group:default/sre-core',
    });
    const bad = (options: PrometheusRuleOptions) =>
      generatePrometheusRules(located(slo('checkout', 'checkout')), {
        owners,
        ...options,
      }).problems;
    expect(bad({ ownerLabels: { owner: 'owner-team' } })).toEqual([
      {
        path: 'ownerLabels.owner',
        message:
          '"owner-team" is not a Prometheus label name (letters, digits and _, not starting with a digit or __)',
      },
    ]);
    expect(
      bad({ ownerLabels: { sre: 'severity' }, labels: { team: 'x' } }),
    ).toEqual([
      {
        path: 'ownerLabels.sre',
        message:
          '"severity" is already a label of the rules; choose another name',
      },
    ]);
    expect(
      bad({ ownerLabels: { owner: 'team' }, labels: { team: 'x' } }),
    ).toEqual([
      {
        path: 'ownerLabels.owner',
        message: '"team" is already a label of the rules; choose another name',
      },
    ]);
    expect(bad({ ownerLabels: { owner: 'team', sre: 'team' } })).toEqual([
      {
        path: 'ownerLabels.sre',
        message: '"team" is also the owner label; choose another name',
      },
    ]);
  });
});

describe('the minimum-traffic guard', () => {
  it('needs the events of the long window at the given hourly rate, per SLO', () => {
    const { groups, slos, problems } = generatePrometheusRules(
      located(
        slo('checkout', 'checkout'),
        slo('batch', 'batch', { 'triad.dev/min-events-per-hour': '10' }),
        slo('quiet', 'quiet', { 'triad.dev/min-events-per-hour': '0' }),
        // YAML without quotes gives a number, taken as well.
        slo('plain', 'plain', {
          'triad.dev/min-events-per-hour': 20 as unknown as string,
        }),
      ),
      { minEventsPerHour: 100 },
    );
    expect(problems).toEqual([]);
    expect(slos.map(s => [s.name, s.minEventsPerHour])).toEqual([
      ['checkout', 100],
      ['batch', 10],
      ['quiet', undefined],
      ['plain', 20],
    ]);
    const guards = (name: string) =>
      alerts(groups)
        .filter(r => r.labels?.slo === name)
        .map(r => r.expr.split('\n').slice(3).join(' '));
    // 100 an hour over 1 h, 6 h, 1 d and 3 d.
    expect(guards('checkout')).toEqual([
      'and slo:sli_events:increase1h{slo="checkout",slo_objective="0"} >= 100',
      'and slo:sli_events:increase6h{slo="checkout",slo_objective="0"} >= 600',
      'and slo:sli_events:increase1d{slo="checkout",slo_objective="0"} >= 2400',
      'and slo:sli_events:increase3d{slo="checkout",slo_objective="0"} >= 7200',
    ]);
    expect(guards('batch')[3]).toBe(
      'and slo:sli_events:increase3d{slo="batch",slo_objective="0"} >= 720',
    );
    expect(guards('quiet')).toEqual(['', '', '', '']);
    const recorded = groups
      .flatMap(g => g.rules)
      .filter(r => r.record?.startsWith('slo:sli_events:'));
    expect(recorded.filter(r => r.labels?.slo === 'quiet')).toEqual([]);
    expect(recorded.find(r => r.labels?.slo === 'checkout')).toEqual({
      record: 'slo:sli_events:increase1h',
      expr: 'sum(increase(http_requests_total{job="checkout"}[1h]))',
      labels: { slo: 'checkout', slo_service: 'checkout', slo_objective: '0' },
    });
  });

  it('reports a guard on an SLI that counts no events, and an unreadable override', () => {
    const raw = {
      ratioMetric: {
        rawType: 'success',
        raw: {
          metricSource: {
            metricSourceRef: 'prometheus',
            spec: { query: 'job:availability:ratio' },
          },
        },
      },
    };
    const { problems } = generatePrometheusRules(
      located(
        slo('ratio', 'ratio', undefined, raw),
        slo(
          'ratio-off',
          'ratio',
          { 'triad.dev/min-events-per-hour': '0' },
          raw,
        ),
        slo('typo', 'typo', { 'triad.dev/min-events-per-hour': 'lots' }),
      ),
      { minEventsPerHour: 50 },
    );
    expect(problems.map(p => [p.name, p.path, p.message])).toEqual([
      [
        'ratio',
        'minEventsPerHour',
        'the SLI counts no events (it is a raw ratio), so a minimum-traffic guard cannot apply; set metadata.annotations["triad.dev/min-events-per-hour"]: "0" to leave this SLO without it',
      ],
      [
        'typo',
        'metadata.annotations["triad.dev/min-events-per-hour"]',
        '"lots" is not a number of events of 0 or more, e.g. "100"',
      ],
    ]);
    expect(
      generatePrometheusRules(located(slo('a', 'a')), {
        minEventsPerHour: -1,
      }).problems,
    ).toEqual([
      {
        path: 'minEventsPerHour',
        message: 'must be a number of events of 0 or more, not -1',
      },
    ]);
  });
});

describe('owner labels and the guard in promtool', () => {
  const docs = located(slo('checkout', 'checkout'));

  /**
   * 100 minutes of `perMinute` requests a minute, `errors` of them
   * failing, through promtool's rule unit tests: 'as expected' when exactly
   * the `firing` tiers fire, with every label, and the 1 h event count is
   * 60 × perMinute; promtool's report otherwise.
   */
  async function run(
    options: PrometheusRuleOptions,
    perMinute: number,
    errors: number,
    firing: string[],
  ): Promise<string> {
    const { groups, problems } = generatePrometheusRules(docs, options);
    expect(problems).toEqual([]);
    const check = await runPromtool(['check', 'rules', 'rules.yml'], {
      'rules.yml': { groups },
    });
    if (check.code !== 0) return check.output;
    const rules = alerts(groups);
    const result = await runPromtool(['test', 'rules', 'test.yml'], {
      'rules.yml': { groups },
      'test.yml': {
        rule_files: ['rules.yml'],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: [
              {
                series: 'http_requests_total{job="checkout",code="200"}',
                values: `0+${perMinute - errors}x120`,
              },
              {
                series: 'http_requests_total{job="checkout",code="500"}',
                values: `0+${errors}x120`,
              },
            ],
            alert_rule_test: [
              {
                eval_time: '100m',
                alertname: rules[0].alert,
                exp_alerts: rules
                  .filter(r => firing.includes(r.labels!.slo_tier))
                  .map(r => ({
                    exp_labels: { ...r.labels, alertname: r.alert },
                    exp_annotations: r.annotations,
                  })),
              },
            ],
            promql_expr_test: options.minEventsPerHour
              ? [
                  {
                    expr: 'round(slo:sli_events:increase1h)',
                    eval_time: '100m',
                    exp_samples: [
                      {
                        labels:
                          '{slo="checkout",slo_objective="0",slo_service="checkout"}',
                        value: 60 * perMinute,
                      },
                    ],
                  },
                ]
              : [],
          },
        ],
      },
    });
    return result.code === 0 ? 'as expected' : result.output;
  }

  const allTiers = ['page-fast', 'page-slow', 'ticket-fast', 'ticket-slow'];

  it('page with the owner labels when traffic is enough', async () => {
    // 1000 requests a minute, 1.5 % failing: above 14.4 × 0.1 %, every tier.
    expect(
      await run({ owners, minEventsPerHour: 100 }, 1000, 15, allTiers),
    ).toBe('as expected');
  });

  it('stay silent on a handful of requests, which page without the guard', async () => {
    // One request a minute, all failing: 60 an hour, below the guard's 100.
    expect(await run({ owners, minEventsPerHour: 100 }, 1, 1, [])).toBe(
      'as expected',
    );
    expect(await run({ owners }, 1, 1, allTiers)).toBe('as expected');
    // 50 an hour: the last hour's 60 requests let page-fast through; the
    // 6 h tier wants 300 and the 100 minutes so far hold 100 (and 1 d, 3 d
    // want 1200 and 3600).
    expect(
      await run({ owners, minEventsPerHour: 50 }, 1, 1, ['page-fast']),
    ).toBe('as expected');
  });
});

describe('alertmanagerRouteTree', () => {
  const tree = alertmanagerRouteTree(
    [
      'group:default/checkout-team',
      'group:default/search-team',
      'group:payments/card-team',
      'group:default/checkout-team',
    ],
    { label: 'owner', defaultReceiver: 'slo-default' },
  );

  it('names one receiver after each team', () => {
    expect(tree).toEqual({
      route: {
        receiver: 'slo-default',
        group_by: ['alertname', 'slo', 'slo_namespace', 'slo_objective'],
        routes: [
          {
            receiver: 'checkout-team',
            matchers: [
              'owner="group:default/checkout-team"',
              'severity="page"',
            ],
          },
          {
            receiver: 'search-team',
            matchers: ['owner="group:default/search-team"', 'severity="page"'],
          },
          {
            receiver: 'payments/card-team',
            matchers: ['owner="group:payments/card-team"', 'severity="page"'],
          },
        ],
      },
      receivers: [
        { name: 'slo-default' },
        { name: 'checkout-team' },
        { name: 'search-team' },
        { name: 'payments/card-team' },
      ],
    });
    expect(teamReceiverName('user:default/jane')).toBe('user:jane');
    expect(() =>
      alertmanagerRouteTree(['group:default/oncall'], {
        label: 'owner',
        defaultReceiver: 'oncall',
      }),
    ).toThrow(
      'the receiver of group:default/oncall would be "oncall", which is already the default receiver; choose another default receiver',
    );
  });

  it("passes amtool check-config and routes each team's pages to its receiver", async () => {
    const check = await runAmtool(['check-config', '{file}'], tree);
    expect(check.output).toContain('SUCCESS');
    expect(check.output).toContain(' - 4 receivers');
    expect(check.code).toBe(0);

    const route = async (...labels: string[]) =>
      (
        await runAmtool(
          ['config', 'routes', 'test', '--config.file={file}', ...labels],
          tree,
        )
      ).stdout.trim();
    expect(
      await route('owner=group:default/checkout-team', 'severity=page'),
    ).toBe('checkout-team');
    expect(await route('owner=group:payments/card-team', 'severity=page')).toBe(
      'payments/card-team',
    );
    // Tickets, and alerts of teams without a route, go to the default.
    expect(
      await route('owner=group:default/checkout-team', 'severity=ticket'),
    ).toBe('slo-default');
    expect(await route('owner=group:default/other-team', 'severity=page')).toBe(
      'slo-default',
    );

    const both = alertmanagerRouteTree(['group:default/checkout-team'], {
      label: 'sre_owner',
      defaultReceiver: 'slo-default',
      severities: ['page', 'ticket'],
    });
    expect(both.route.routes[0].matchers).toEqual([
      'sre_owner="group:default/checkout-team"',
      'severity=~"page|ticket"',
    ]);
    expect((await runAmtool(['check-config', '{file}'], both)).code).toBe(0);
  });
});
