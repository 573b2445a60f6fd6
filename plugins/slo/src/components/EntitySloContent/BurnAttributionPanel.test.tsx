import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { BurnAttributionResponse } from '@triad/plugin-slo-common';
import { SloApi, sloApiRef } from '../../api/SloApi';
import { BurnAttributionPanel } from './BurnAttributionPanel';

const svc = 'component:default/checkout-service';
const db = 'resource:default/checkout-db';
const cluster = 'resource:default/prod-cluster';

const attribution: BurnAttributionResponse = {
  slo: { ref: 'slo:default/checkout-availability', target: 0.999 },
  entityRef: svc,
  kind: 'availability',
  from: '2026-11-03T12:00:00.000Z',
  to: '2026-12-01T12:00:00.000Z',
  // 28 days / 200 = 201.6 minutes → 202-minute steps.
  stepMs: 202 * 60_000,
  burned: 1_200,
  dependencies: [
    {
      ref: cluster,
      path: [svc, cluster],
      soft: false,
      slos: [{ ref: 'slo:default/prod-cluster-availability', target: 0.999 }],
      owner: 'group:default/runtime-platform',
      holders: [{ role: 'sre', ref: 'group:default/sre-core' }],
      // 900 of the 1,200 bad events: 75.0 %.
      burned: 900,
      share: 0.75,
      buckets: 3,
    },
    {
      ref: db,
      path: [svc, db],
      soft: true,
      slos: [{ ref: 'slo:default/checkout-db-availability', target: 0.9995 }],
      burned: 0,
      share: 0,
      buckets: 1,
    },
  ],
  hiddenDependencies: 2,
};

const render = (getBurnAttribution: SloApi['getBurnAttribution']) =>
  renderInTestApp(
    <TestApiProvider apis={[[sloApiRef, { getBurnAttribution }]]}>
      <BurnAttributionPanel
        sloRef="slo:default/checkout-availability"
        title="Checkout availability"
        unit="events"
      />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('BurnAttributionPanel', () => {
  it('lists each dependency with the share of the burn that coincided with its own', async () => {
    const get = jest.fn(async () => attribution);
    await render(get);
    expect(get).toHaveBeenCalledWith('default', 'checkout-availability');
    expect(await screen.findByTestId('burn-attribution')).toHaveTextContent(
      '1,200 bad events this window.',
    );
    expect(
      screen.getByText(
        /Burn that coincided with dependencies — Checkout availability/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/in steps of 202 min/)).toBeInTheDocument();
    expect(
      screen.getByText(/does not show the dependency caused it/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/2 dependencies you may not read are left out/),
    ).toBeInTheDocument();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map(r => r.querySelector('td')!.textContent)).toEqual([
      'checkout-service → prod-cluster',
      'checkout-service → checkout-db',
    ]);
    const first = within(rows[0]);
    expect(first.getByText('75.0 %')).toBeInTheDocument();
    expect(
      first.getByText('900 bad, 3 steps of the dependency burning'),
    ).toBeInTheDocument();
    expect(first.getByText('runtime-platform')).toBeInTheDocument();
    expect(first.getByText('sre-core')).toBeInTheDocument();
    const second = within(rows[1]);
    expect(second.getByText('Soft (has a fallback)')).toBeInTheDocument();
    expect(
      second.getByText('0 bad, 1 step of the dependency burning'),
    ).toBeInTheDocument();
    // No sort labels: a sortable header nests interactives (axe).
    expect(document.querySelector('.MuiTableSortLabel-root')).toBeNull();
  });

  it('says when the SLO burned nothing, and shows nothing without dependencies', async () => {
    await render(async () => ({
      ...attribution,
      burned: 0,
      dependencies: attribution.dependencies.map(({ share: _s, ...d }) => ({
        ...d,
        burned: 0,
      })),
    }));
    expect(await screen.findByTestId('burn-attribution')).toHaveTextContent(
      'This SLO burned no budget this window: nothing to attribute.',
    );
    expect(screen.getAllByText('–').length).toBeGreaterThanOrEqual(2);
  });

  it("says why nothing is attributed when the SLO's counts could not be read", async () => {
    const { burned: _b, ...rest } = attribution;
    await render(async () => ({
      ...rest,
      dependencies: [],
      hiddenDependencies: 0,
      problem: "This SLO's counts could not be read over its window.",
    }));
    expect(
      await screen.findByText(
        "This SLO's counts could not be read over its window.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('burn-attribution')).toHaveTextContent(/^$/);
  });

  it('renders nothing when there is no dependency at all', async () => {
    const { container } = await render(async () => ({
      ...attribution,
      dependencies: [],
      hiddenDependencies: 0,
    }));
    expect(container).toBeEmptyDOMElement();
  });

  it('shows the backend error', async () => {
    await render(async () => {
      throw new Error('data source "prom" timed out');
    });
    expect(
      await screen.findByText(/Could not load the burn that coincided/),
    ).toBeInTheDocument();
  });
});
