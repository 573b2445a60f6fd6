import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import { SloApi, sloApiRef } from '../../api/SloApi';
import { burning, healthy, quiet, stale } from '../../__fixtures__/slos';
import { EntitySloCard } from './EntitySloCard';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-service', namespace: 'default' },
};

function render(getEntitySlos: SloApi['getEntitySlos']) {
  return renderInTestApp(
    <TestApiProvider apis={[[sloApiRef, { getEntitySlos } as Partial<SloApi>]]}>
      <EntityProvider entity={entity}>
        <EntitySloCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntitySloCard', () => {
  it('shows each SLO with status, SLI against target, budget, time to exhaustion and firing tiers', async () => {
    const getEntitySlos = jest.fn(async () => ({
      entityRef: 'component:default/checkout-service',
      items: [healthy, burning, quiet, stale],
    }));
    await render(getEntitySlos);
    expect(getEntitySlos).toHaveBeenCalledWith(
      'component:default/checkout-service',
    );
    expect(
      await screen.findByText('checkout-availability'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(
        'Requests without a server error: SLI 99.950 % against a target of 99.900 %',
      ),
    ).not.toHaveLength(0);
    expect(screen.getAllByText('50.0 % of budget left')).not.toHaveLength(0);
    expect(screen.getByText('Budget gone in: 5 hours')).toBeInTheDocument();
    expect(screen.getByText('Firing: page-fast (page)')).toBeInTheDocument();
    expect(screen.getByText('Warning')).toBeInTheDocument();
  });

  it('shows no data as such, never as 0 % or 100 %', async () => {
    await render(async () => ({ entityRef: 'x', items: [quiet] }));
    expect(
      await screen.findByText('No data', { selector: 'p' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/SLI – against a target/)).toBeInTheDocument();
    expect(
      screen.queryByText(/100\.0 %|0\.0 % of budget/),
    ).not.toBeInTheDocument();
  });

  it('marks stale results with the reason', async () => {
    await render(async () => ({ entityRef: 'x', items: [stale] }));
    expect(
      await screen.findByText(
        'Stale: data source "prometheus" did not answer within 10s',
      ),
    ).toBeInTheDocument();
  });

  it('explains how to add an SLO when there is none', async () => {
    await render(async () => ({ entityRef: 'x', items: [] }));
    expect(
      await screen.findByText('No SLOs measure this entity yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('“Add SLOs to an existing service”'),
    ).toBeInTheDocument();
  });

  it("shows the backend's error message", async () => {
    await render(async () => {
      throw await ResponseError.fromResponse(
        new Response(
          JSON.stringify({
            error: {
              name: 'NotFoundError',
              message: 'No entity component:default/checkout-service found',
            },
            response: { statusCode: 404 },
          }),
          {
            status: 404,
            headers: { 'Content-Type': 'application/json' },
          },
        ) as any,
      );
    });
    expect(
      await screen.findAllByText(
        /No entity component:default\/checkout-service found/,
      ),
    ).not.toHaveLength(0);
  });

  it('shows progress while loading', async () => {
    await render(() => new Promise(() => {}));
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });
});
