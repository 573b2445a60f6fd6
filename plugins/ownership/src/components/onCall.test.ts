import { onCallLinks } from './onCall';

describe('onCallLinks', () => {
  it('links PagerDuty services and Opsgenie teams by default', () => {
    expect(
      onCallLinks({
        'pagerduty.com/service-id': 'PSRECOR',
        'opsgenie.com/team': 'runtime platform',
      }),
    ).toEqual([
      {
        annotation: 'opsgenie.com/team',
        label: 'Opsgenie team runtime platform',
        href: 'https://app.opsgenie.com/teams/list?query=runtime%20platform',
      },
      {
        annotation: 'pagerduty.com/service-id',
        label: 'PagerDuty service PSRECOR',
        href: 'https://app.pagerduty.com/service-directory/PSRECOR',
      },
    ]);
  });

  it('takes the account host from templates and never shows an integration key', () => {
    const links = onCallLinks(
      {
        'pagerduty.com/service-id': 'P1',
        'pagerduty.com/integration-key': 'secret',
        'splunk.com/on-call-team': 'sre',
      },
      {
        'pagerduty.com/service-id':
          'https://acme.pagerduty.com/services/{value}',
        'pagerduty.com/integration-key': 'https://x/{value}',
      },
    );
    expect(links).toEqual([
      {
        annotation: 'pagerduty.com/integration-key',
        label: 'PagerDuty (integration key set)',
      },
      {
        annotation: 'pagerduty.com/service-id',
        label: 'PagerDuty service P1',
        href: 'https://acme.pagerduty.com/services/P1',
      },
      {
        annotation: 'splunk.com/on-call-team',
        label: 'Splunk On-Call team sre',
      },
    ]);
    expect(JSON.stringify(links)).not.toContain('secret');
  });

  it('has nothing to show without annotations', () => {
    expect(onCallLinks(undefined)).toEqual([]);
    expect(onCallLinks({ 'opsgenie.com/team': '' })).toEqual([]);
  });
});
