import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { CompositeSloResult } from '@triad/plugin-slo-common';
import { SloApi, sloApiRef } from '../../api/SloApi';
import { EntitySloCard } from '../EntitySloCard/EntitySloCard';
import { EntitySloContent } from '../EntitySloContent/EntitySloContent';

const system = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'payments-core', namespace: 'default' },
};

const summary = {
  ref: 'slo:default/payments-core-availability',
  namespace: 'default',
  name: 'payments-core-availability',
  title: 'Payments core availability',
};

// Worked by hand: weights 3 and 1, budgets 20 % and 60 % spent, so the
// composite has spent (3 × 0.2 + 1 × 0.6) / 4 = 0.3: 70 % left, each part
// contributing 0.15. A third part without data is left out of both sums.
const composite: CompositeSloResult = {
  ...summary,
  serviceRef: 'system:default/payments-core',
  evaluatedAt: '2026-12-05T12:00:00.000Z',
  consumed: 0.3,
  remaining: 0.7,
  status: 'healthy',
  problems: [],
  parts: [
    {
      path: 'spec.objectives[0].sloRef',
      displayName: 'Payment authorisation',
      ref: 'slo:default/payments-gateway-availability',
      title: 'Payments gateway availability',
      weight: 3,
      weightShare: 0.75,
      consumed: 0.2,
      contribution: 0.15,
      status: 'healthy',
    },
    {
      path: 'spec.objectives[1].sloRef',
      hidden: true,
      weight: 1,
      weightShare: 0.25,
      consumed: 0.6,
      contribution: 0.15,
      status: 'warning',
    },
    {
      path: 'spec.objectives[2].sloRef',
      displayName: 'Ledger postings',
      ref: 'slo:default/ledger-availability',
      title: 'Ledger postings availability',
      weight: 1,
      weightShare: 0,
      status: 'no-data',
    },
  ],
};

function render(apis: Partial<SloApi>, view: JSX.Element = <EntitySloCard />) {
  return renderInTestApp(
    <TestApiProvider apis={[[sloApiRef, apis]]}>
      <EntityProvider entity={system}>{view}</EntityProvider>
    </TestApiProvider>,
  );
}

describe('composite SLOs on a system page', () => {
  const getEntitySlos = jest.fn(async () => ({
    entityRef: 'system:default/payments-core',
    items: [],
    composites: [summary],
  }));

  it("shows the composite's budget and each part's weight, spend and contribution on the card", async () => {
    const getCompositeSlo = jest.fn(async () => composite);
    await render({ getEntitySlos, getCompositeSlo });
    const box = await screen.findByTestId(
      'composite-payments-core-availability',
    );
    expect(getCompositeSlo).toHaveBeenCalledWith(
      'default',
      'payments-core-availability',
    );
    expect(
      within(box).getByText('Payments core availability'),
    ).toBeInTheDocument();
    expect(within(box).getAllByText('70.0 % of budget left')).not.toHaveLength(
      0,
    );
    const rows = within(box).getAllByRole('row').slice(1);
    expect(rows.map(r => r.textContent)).toEqual([
      'Payment authorisation3 (75.0 %)20.0 %15.0 %Healthy',
      'A part you may not read1 (25.0 %)60.0 %15.0 %Warning',
      'Ledger postings1 (0.0 %)––No data',
    ]);
    expect(
      within(box).getByText(
        'Parts without data are left out of the weighted share.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('No SLOs measure this entity yet'),
    ).not.toBeInTheDocument();
  });

  it('names the problem that stops a composite from being evaluated, on the tab', async () => {
    const getCompositeSlo = jest.fn(async () => ({
      ...composite,
      consumed: undefined,
      remaining: undefined,
      status: 'no-data' as const,
      problems: [
        {
          path: 'spec.objectives[1].sloRef',
          message: 'no SLO ledger-availability in namespace default',
        },
      ],
    }));
    await render({ getEntitySlos, getCompositeSlo }, <EntitySloContent />);
    expect(
      await screen.findByText(
        'Not evaluated: spec.objectives[1].sloRef: no SLO ledger-availability in namespace default',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText('No data').length).toBeGreaterThan(0);
    expect(screen.queryByText(/release/i)).not.toBeInTheDocument();
  });
});
