import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { SloApi, sloApiRef } from '../../api/SloApi';
import { burning, healthy, quiet } from '../../__fixtures__/slos';
import { EntityTeamSloCard } from './EntityTeamSloCard';

const commerce = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'commerce', namespace: 'default' },
};

const render = (listSlos: SloApi['listSlos']) =>
  renderInTestApp(
    <TestApiProvider apis={[[sloApiRef, { listSlos } as Partial<SloApi>]]}>
      <EntityProvider entity={commerce}>
        <EntityTeamSloCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('EntityTeamSloCard', () => {
  it("asks the backend for the team's SLOs with its sub-teams and shows its counts", async () => {
    const listSlos = jest.fn(async () => ({
      items: [burning, healthy, quiet],
      totalItems: 3,
      counts: { healthy: 1, warning: 0, breached: 1, 'no-data': 1 },
      offset: 0,
      limit: 100,
    }));
    await render(listSlos);
    expect(await screen.findByTestId('team-rollup')).toHaveTextContent(
      `3 SLOs: 1 breached, 0 warning, 1 healthy, 1 without data. Worst: ${burning.title}.`,
    );
    expect(listSlos).toHaveBeenCalledWith({
      team: 'group:default/commerce',
      limit: 100,
    });
    expect(screen.queryByText(/Listing the/)).not.toBeInTheDocument();
  });

  it('counts every SLO of the team, and says when it lists only some', async () => {
    await render(async () => ({
      items: [burning, healthy],
      totalItems: 1234,
      counts: { healthy: 1000, warning: 200, breached: 30, 'no-data': 4 },
      offset: 0,
      limit: 100,
    }));
    expect(await screen.findByTestId('team-rollup')).toHaveTextContent(
      /^1234 SLOs: 30 breached, 200 warning, 1000 healthy, 4 without data\./,
    );
    expect(
      screen.getByText(
        'Listing the 2 with the least budget left of 1234; the SLOs page lists every one.',
      ),
    ).toBeInTheDocument();
  });

  it('names no worst SLO when none has data', async () => {
    await render(async () => ({
      items: [quiet],
      totalItems: 1,
      counts: { healthy: 0, warning: 0, breached: 0, 'no-data': 1 },
      offset: 0,
      limit: 100,
    }));
    expect(await screen.findByTestId('team-rollup')).toHaveTextContent(
      /^1 SLOs: 0 breached, 0 warning, 0 healthy, 1 without data\.$/,
    );
  });
});
