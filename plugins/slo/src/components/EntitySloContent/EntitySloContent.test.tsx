import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { SloApi, sloApiRef } from '../../api/SloApi';
import { burning, quiet, stale } from '../../__fixtures__/slos';
import { EntitySloContent } from './EntitySloContent';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-gateway', namespace: 'default' },
};

const api = (overrides: Partial<SloApi> = {}): Partial<SloApi> => ({
  getEntitySlos: async () => ({
    entityRef: 'component:default/payments-gateway',
    items: [burning],
  }),
  getPolicy: async () => ({
    entityRef: 'component:default/payments-gateway',
    releaseAllowed: false,
    summary:
      'Release blocked: payments-availability is burning its budget fast.',
    reasons: [
      {
        sloRef: burning.ref,
        blocking: true,
        message: 'payments-availability is burning its budget fast',
      },
    ],
    evaluatedAt: '2026-11-28T12:00:00.000Z',
    policy: {
      minRemainingBudget: 0.1,
      blockOnPageAlert: true,
      source: 'team',
      sources: { minRemainingBudget: 'team', blockOnPageAlert: 'default' },
      teamRef: 'group:default/payments-team',
      problems: [
        'annotation triad.dev/release-gate-policy: "maxBurn" is not a setting; expected minRemainingBudget or blockOnPageAlert',
      ],
    },
  }),
  getBurnAttribution: async () => ({
    slo: { ref: 'slo:default/x', target: 0.999 },
    entityRef: 'component:default/payments-gateway',
    from: '',
    to: '',
    stepMs: 60_000,
    burned: 0,
    dependencies: [],
    hiddenDependencies: 0,
  }),
  getDependencyCeiling: async () => ({
    entityRef: 'component:default/payments-gateway',
    kind: 'availability',
    slos: [],
    dependencies: [],
    hiddenDependencies: 0,
    evaluatedAt: '',
  }),
  getSloTimeline: async () => ({
    ref: burning.ref,
    stepMs: 3_600_000,
    period: burning.period,
    objectives: [
      {
        index: 0,
        target: 0.999,
        points: [
          { t: 1, sli: 0.9999, remaining: 0.9, idealRemaining: 0.95 },
          { t: 2, sli: 0.9995, remaining: 0.69, idealRemaining: 0.9 },
        ],
      },
    ],
  }),
  getSloHistory: async () => ({
    ref: burning.ref,
    from: '',
    to: '',
    points: [],
  }),
  listEvents: async ({ entityRef }) => ({
    entityRef,
    from: '',
    to: '',
    items: [],
  }),
  ...overrides,
});

const render = (apis: Partial<SloApi>) =>
  renderInTestApp(
    <TestApiProvider apis={[[sloApiRef, apis]]}>
      <EntityProvider entity={entity}>
        <EntitySloContent />
      </EntityProvider>
    </TestApiProvider>,
  );

describe('EntitySloContent', () => {
  it('shows the release gate, objectives, burn rates, summary, charts and source', async () => {
    await render(api());
    expect(await screen.findByText('Release gate blocked')).toBeInTheDocument();
    // Which policy applied, and where each setting came from.
    const applied = screen.getByTestId('policy-applied');
    expect(applied).toHaveTextContent(
      'Policy: blocks below 10 % of error budget left (from the config of the owning team group:default/payments-team (slo.policy.teams)) and while a page alert fires (from the default policy (slo.policy)).',
    );
    expect(applied).toHaveTextContent(
      'Ignored: annotation triad.dev/release-gate-policy: "maxBurn" is not a setting',
    );
    expect(
      screen.getByText(
        'Release blocked: payments-availability is burning its budget fast.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('99.950 %')).toBeInTheDocument(); // SLI
    expect(screen.getByText('99.900 %')).toBeInTheDocument(); // target
    const burnTable = screen.getByRole('table', {
      name: 'Burn rates per alert tier',
    });
    const fast = within(burnTable).getByText('page-fast').closest('tr')!;
    expect(within(fast).getByText('100.0× over 1 hour')).toBeInTheDocument();
    expect(within(fast).getByText('> 14.4×')).toBeInTheDocument();
    expect(within(fast).getByText('Firing')).toBeInTheDocument();
    expect(screen.getByTestId('slo-summary')).toHaveTextContent(
      'At the current rate the budget is gone in 5 hours.',
    );
    expect(
      await screen.findByText('SLI over the period (target 99.90 %)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Error budget burn-down')).toBeInTheDocument();
    expect(
      screen.getByText(/Data source: builtin \(builtin\)/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('No evaluations stored in this range yet.'),
    ).toBeInTheDocument();
  });

  it("shows where each tier's alerts go when its policies name targets", async () => {
    const [objective] = burning.objectives;
    const notifying = {
      ...burning,
      objectives: [
        {
          ...objective,
          alerts: objective.alerts.map(a =>
            a.name === 'page-fast'
              ? {
                  ...a,
                  notificationTargets: [
                    {
                      name: 'payments-oncall',
                      displayName: 'Payments on-call',
                      target: 'pagerduty',
                    },
                    { name: 'payments-channel', target: 'slack' },
                  ],
                }
              : a,
          ),
        },
      ],
    };
    await render(
      api({
        getEntitySlos: async () => ({ entityRef: 'x', items: [notifying] }),
      }),
    );
    const table = await screen.findByRole('table', {
      name: 'Burn rates per alert tier',
    });
    expect(within(table).getByText('Notifies')).toBeInTheDocument();
    const fast = within(table).getByText('page-fast').closest('tr')!;
    expect(
      within(fast).getByText(
        'Payments on-call (pagerduty), payments-channel (slack)',
      ),
    ).toBeInTheDocument();
    const slow = within(table).getByText('ticket-slow').closest('tr')!;
    expect(within(slow).getByText('—')).toBeInTheDocument();
  });

  it('says when a result is stale and why, and when there is no data', async () => {
    await render(
      api({
        getEntitySlos: async () => ({ entityRef: 'x', items: [stale, quiet] }),
      }),
    );
    expect(
      await screen.findByText(
        /Stale: showing the evaluation of .* because the data source failed \(data source "prometheus" did not answer within 10s\)/,
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('slo-summary')[1]).toHaveTextContent(
      /No traffic in this period/,
    );
  });

  it('shows an SLO that could not be evaluated with the reason', async () => {
    const broken = {
      ...quiet,
      objectives: [],
      error:
        'data source "nowhere" is neither configured in slo.dataSources nor a DataSource entity in the catalog',
    };
    await render(
      api({ getEntitySlos: async () => ({ entityRef: 'x', items: [broken] }) }),
    );
    expect(
      await screen.findByText(
        /This SLO could not be evaluated: data source "nowhere"/,
      ),
    ).toBeInTheDocument();
  });

  it('explains what to do without SLOs, and shows errors', async () => {
    await render(
      api({ getEntitySlos: async () => ({ entityRef: 'x', items: [] }) }),
    );
    expect(
      await screen.findByText('No SLOs measure this entity yet'),
    ).toBeInTheDocument();
  });

  it('shows a backend error', async () => {
    await render(
      api({
        getEntitySlos: async () => {
          throw new Error('The SLO backend is down');
        },
      }),
    );
    expect(
      await screen.findAllByText(/The SLO backend is down/),
    ).not.toHaveLength(0);
  });
});
