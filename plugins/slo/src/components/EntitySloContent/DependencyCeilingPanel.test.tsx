import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { DependencyCeilingResponse } from '@triad/plugin-slo-common';
import { SloApi, sloApiRef } from '../../api/SloApi';
import { DependencyCeilingPanel } from './DependencyCeilingPanel';

const svc = 'component:default/checkout-service';
const db = 'resource:default/checkout-db';
const cluster = 'resource:default/prod-cluster';

const ceiling: DependencyCeilingResponse = {
  entityRef: svc,
  kind: 'availability',
  slos: [
    {
      ref: 'slo:default/checkout-availability',
      title: 'Checkout availability',
      target: 0.999,
      sli: 0.9998,
    },
  ],
  // 0.9995 × 0.999 and 0.99999 × 0.9999.
  targetCeiling: 0.9985005,
  measuredCeiling: 0.999890001,
  dependencies: [
    {
      ref: db,
      path: [svc, db],
      soft: false,
      slos: [
        {
          ref: 'slo:default/checkout-db-availability',
          title: 'Orders database availability',
          target: 0.9995,
          sli: 0.99999,
        },
      ],
      owner: 'group:default/runtime-platform',
      holders: [
        { role: 'sre', ref: 'group:default/sre-core' },
        { role: 'platform', ref: 'group:default/runtime-platform' },
      ],
    },
    {
      ref: 'resource:default/redis-sessions',
      path: [
        svc,
        'component:default/cart-service',
        'resource:default/redis-sessions',
      ],
      soft: true,
      slos: [{ ref: 'slo:default/redis-availability', target: 0.99 }],
    },
    {
      ref: cluster,
      path: [svc, cluster],
      soft: false,
      slos: [
        {
          ref: 'slo:default/prod-cluster-availability',
          target: 0.999,
          sli: 0.9999,
        },
      ],
      owner: 'group:default/runtime-platform',
    },
  ],
  hiddenDependencies: 1,
  evaluatedAt: '2026-12-01T12:00:00.000Z',
};

const render = (getDependencyCeiling: SloApi['getDependencyCeiling']) =>
  renderInTestApp(
    <TestApiProvider apis={[[sloApiRef, { getDependencyCeiling }]]}>
      <DependencyCeilingPanel entityRef={svc} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('DependencyCeilingPanel', () => {
  it('shows both ceilings, warns of a target above them, and lists each dependency', async () => {
    const get = jest.fn(async () => ceiling);
    await render(get);
    expect(get).toHaveBeenCalledWith(svc);
    expect(await screen.findByTestId('dependency-ceiling')).toHaveTextContent(
      'Target ceiling 99.850 % · measured ceiling 99.989 %',
    );
    expect(
      screen.getByText(
        /Checkout availability targets 99\.900 %, above the 99\.850 %/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/1 dependencies you may not read are left out/),
    ).toBeInTheDocument();

    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map(r => r.querySelector('td')!.textContent)).toEqual([
      'checkout-service → checkout-db',
      'checkout-service → cart-service → redis-sessions',
      'checkout-service → prod-cluster',
    ]);
    const dbRow = within(rows[0]);
    expect(dbRow.getByText('Hard')).toBeInTheDocument();
    expect(
      dbRow.getByText('Orders database availability: 99.950 % / 99.999 %'),
    ).toBeInTheDocument();
    expect(dbRow.getAllByText('runtime-platform')).toHaveLength(2);
    expect(dbRow.getByText('sre-core')).toBeInTheDocument();
    const redis = within(rows[1]);
    expect(redis.getByText('Soft (has a fallback)')).toBeInTheDocument();
    expect(
      redis.getByText('slo:default/redis-availability: 99.000 % / –'),
    ).toBeInTheDocument();
  });

  it('does not warn when the targets fit under the ceiling', async () => {
    await render(async () => ({
      ...ceiling,
      slos: [{ ...ceiling.slos[0], target: 0.998 }],
      hiddenDependencies: 0,
    }));
    await screen.findByTestId('dependency-ceiling');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(/you may not read/)).not.toBeInTheDocument();
  });

  it('shows nothing without dependencies, and says when it cannot load', async () => {
    const { container } = await render(async () => ({
      ...ceiling,
      dependencies: [],
      hiddenDependencies: 0,
    }));
    expect(container).toBeEmptyDOMElement();

    await render(async () => {
      throw new Error('backend down');
    });
    expect(
      await screen.findByText(/Could not load what the dependencies allow/),
    ).toBeInTheDocument();
  });
});
