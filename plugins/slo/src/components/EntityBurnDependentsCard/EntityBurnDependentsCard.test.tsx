import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { BurnDependentsResponse } from '@triad/plugin-slo-common';
import { SloApi, sloApiRef } from '../../api/SloApi';
import { EntityBurnDependentsCard } from './EntityBurnDependentsCard';

const platform = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'runtime-platform', namespace: 'default' },
};

const svc = 'component:default/checkout-service';
const cluster = 'resource:default/prod-cluster';

const answer: BurnDependentsResponse = {
  groupRef: 'group:default/runtime-platform',
  slos: [
    {
      slo: {
        ref: 'slo:default/prod-cluster-availability',
        title: 'Cluster API availability',
        target: 0.999,
      },
      entityRef: cluster,
      kind: 'availability',
      from: '2026-11-03T12:00:00.000Z',
      to: '2026-12-01T12:00:00.000Z',
      buckets: 3,
      dependents: [
        {
          entityRef: svc,
          path: [svc, cluster],
          owner: 'group:default/team-checkout',
          slo: { ref: 'slo:default/checkout-availability', target: 0.999 },
          burned: 900,
          share: 0.75,
        },
      ],
    },
  ],
  truncated: true,
  evaluatedAt: '2026-12-01T12:00:00.000Z',
};

const render = (getBurnDependents: SloApi['getBurnDependents']) =>
  renderInTestApp(
    <TestApiProvider apis={[[sloApiRef, { getBurnDependents }]]}>
      <EntityProvider entity={platform}>
        <EntityBurnDependentsCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('EntityBurnDependentsCard', () => {
  it('lists the dependent services that burned while the team SLOs did, with their share', async () => {
    const get = jest.fn(async () => answer);
    await render(get);
    expect(get).toHaveBeenCalledWith('group:default/runtime-platform');
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows).toHaveLength(1);
    const row = within(rows[0]);
    expect(
      row.getByText('Cluster API availability (prod-cluster)'),
    ).toBeInTheDocument();
    expect(
      row.getByText('checkout-service → prod-cluster'),
    ).toBeInTheDocument();
    expect(row.getByText('checkout-availability')).toBeInTheDocument();
    expect(row.getByText('75.0 %')).toBeInTheDocument();
    expect(row.getByText('team-checkout')).toBeInTheDocument();
    expect(screen.getByText(/some are left out/)).toBeInTheDocument();
    expect(screen.getByText(/it does not show the cause/)).toBeInTheDocument();
    // No sort labels: a sortable header nests interactives (axe).
    expect(document.querySelector('.MuiTableSortLabel-root')).toBeNull();
  });

  it('says when no dependent burned, and when the team has no SLO', async () => {
    await render(async () => ({
      ...answer,
      truncated: false,
      slos: [{ ...answer.slos[0], dependents: [] }],
    }));
    expect(await screen.findByTestId('burn-dependents-none')).toHaveTextContent(
      "No dependent service burned while this team's SLO burned.",
    );
    expect(screen.queryByText(/some are left out/)).not.toBeInTheDocument();
  });

  it('says when nothing the team answers for has an SLO', async () => {
    await render(async () => ({ ...answer, truncated: false, slos: [] }));
    expect(
      await screen.findByText(
        'Nothing this team owns or answers for has an availability SLO.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    await render(async () => {
      throw new Error('the catalog is not answering');
    });
    expect(
      (await screen.findAllByText(/the catalog is not answering/)).length,
    ).toBeGreaterThan(0);
  });
});
