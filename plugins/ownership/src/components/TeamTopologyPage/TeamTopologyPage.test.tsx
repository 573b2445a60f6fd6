import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TopologyResponse } from '@triad/plugin-ownership-common';
import { OwnershipApi, ownershipApiRef } from '../../api/OwnershipApi';
import { backendError } from '../../__fixtures__/errors';
import { emptyTopology, topology } from '../../__fixtures__/ownership';
import { SEARCH_DEBOUNCE_MS } from '@triad/frontend-utils';
import { TeamTopologyPage } from './TeamTopologyPage';

function render(getTopology: OwnershipApi['getTopology']) {
  return renderInTestApp(
    <TestApiProvider
      apis={[[ownershipApiRef, { getTopology } as Partial<OwnershipApi>]]}
    >
      <TeamTopologyPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const drawnTeams = () =>
  screen
    .queryAllByTestId('topology-node')
    .map(n => n.getAttribute('data-ref')!.replace('group:default/', ''))
    .sort();

const drawnInteractions = () =>
  screen
    .queryAllByTestId('topology-interaction')
    .map(n =>
      `${n.getAttribute('data-from')} ${n.getAttribute(
        'data-modes',
      )} ${n.getAttribute('data-to')} mismatch=${n.getAttribute(
        'data-mismatch',
      )}`.replace(/group:default\//g, ''),
    )
    .sort();

describe('TeamTopologyPage', () => {
  // Clicks, menus and typing run on the test's clock, not the machine's.
  let user: ReturnType<typeof userEvent.setup>;
  beforeEach(() => {
    jest.useFakeTimers();
    user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  });
  afterEach(() => jest.useRealTimers());

  it('draws every team by type and every declared interaction, with a link to each team', async () => {
    const getTopology = jest.fn(async () => topology);
    await render(getTopology);
    await waitFor(() => expect(drawnTeams()).toHaveLength(8));
    expect(getTopology).toHaveBeenCalledTimes(1);
    expect(drawnTeams()).toEqual([
      'checkout-team',
      'delivery-enablement',
      'fraud-models',
      'growth-lab',
      'payments-team',
      'runtime-platform',
      'sre-core',
      'storefront-team',
    ]);
    const runtime = screen
      .getAllByTestId('topology-node')
      .find(
        n => n.getAttribute('data-ref') === 'group:default/runtime-platform',
      )!;
    expect(runtime).toHaveAttribute('data-team-type', 'platform');
    expect(runtime).toHaveAttribute(
      'href',
      '/catalog/default/group/runtime-platform',
    );
    expect(within(runtime).getByText('Runtime Platform')).toBeInTheDocument();
    expect(
      within(runtime).getByText('Platform · 2 members'),
    ).toBeInTheDocument();

    await waitFor(() => expect(drawnInteractions()).toHaveLength(4));
    expect(drawnInteractions()).toEqual([
      'checkout-team collaboration sre-core mismatch=true',
      'delivery-enablement facilitating storefront-team mismatch=true',
      'fraud-models x-as-a-service payments-team mismatch=false',
      'runtime-platform x-as-a-service checkout-team mismatch=false',
    ]);
    expect(screen.getAllByText('not observed')).toHaveLength(2);
    expect(screen.getByText('ended 2026-03-31')).toBeInTheDocument();
    // Two segments per interaction, styled by mode.
    expect(screen.getAllByTestId('topology-edge')).toHaveLength(8);
    expect(screen.getByTestId('topology-summary')).toHaveTextContent(
      '8 teams · 4 declared interactions (2 not observed, 1 ended) · 3 observed dependencies between teams (1 undeclared)',
    );
  });

  it('switches to observed interactions and lists mismatches both ways', async () => {
    await render(async () => topology);
    await waitFor(() => expect(drawnInteractions()).toHaveLength(4));
    await user.click(screen.getByRole('button', { name: 'Observed' }));
    await waitFor(() =>
      expect(drawnInteractions()).toEqual([
        'checkout-team  payments-team mismatch=true',
        'checkout-team x-as-a-service runtime-platform mismatch=false',
        'payments-team x-as-a-service fraud-models mismatch=false',
      ]),
    );
    expect(screen.getAllByText('undeclared').length).toBeGreaterThan(0);
    expect(screen.getByText('2 dependencies')).toBeInTheDocument();

    const undeclared = screen.getAllByTestId('undeclared-interaction');
    expect(undeclared.map(e => e.textContent)).toEqual([
      'Checkout depends on Paymentscomponent:checkout-service consumesApi api:payments-api',
    ]);
    expect(
      screen.getAllByTestId('unobserved-interaction').map(e => e.textContent),
    ).toEqual([
      expect.stringContaining(
        'Checkout → SRE Core: collaboration until 2027-06-30',
      ),
      expect.stringContaining(
        'Delivery Enablement → Storefront: facilitating until 2026-03-31 (ended)',
      ),
    ]);
  });

  it('filters by team type and discipline, and finds a team', async () => {
    await render(async () => topology);
    await waitFor(() => expect(drawnTeams()).toHaveLength(8));

    await user.click(screen.getByRole('checkbox', { name: 'Enabling' }));
    await waitFor(() => expect(drawnTeams()).toHaveLength(6));
    expect(drawnTeams()).not.toContain('sre-core');
    expect(drawnInteractions()).toEqual([
      'fraud-models x-as-a-service payments-team mismatch=false',
      'runtime-platform x-as-a-service checkout-team mismatch=false',
    ]);
    await user.click(screen.getByRole('checkbox', { name: 'Enabling' }));
    await waitFor(() => expect(drawnTeams()).toHaveLength(8));

    fireEvent.mouseDown(screen.getByLabelText('Discipline'));
    await user.click(await screen.findByRole('option', { name: 'sre' }));
    await waitFor(() =>
      expect(drawnTeams()).toEqual([
        'delivery-enablement',
        'growth-lab',
        'sre-core',
      ]),
    );
    fireEvent.mouseDown(screen.getByLabelText('Discipline'));
    await user.click(await screen.findByRole('option', { name: 'All' }));

    await user.type(screen.getByLabelText('Find a team'), 'fraud');
    // The map is filtered once typing pauses, not on every keystroke.
    expect(drawnTeams()).toHaveLength(8);
    act(() => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
    await waitFor(() =>
      expect(drawnTeams()).toEqual(['fraud-models', 'payments-team']),
    );
  });

  it('lists teams without lines instead of drawing them when asked', async () => {
    await render(async () => topology);
    await waitFor(() => expect(drawnTeams()).toHaveLength(8));
    await user.click(screen.getByLabelText('Hide teams without lines'));
    await waitFor(() => expect(drawnTeams()).toHaveLength(7));
    expect(drawnTeams()).not.toContain('growth-lab');
    expect(screen.getByTestId('isolated-teams')).toHaveTextContent(
      '1 team without declared interactions:Growth Lab',
    );
    expect(screen.getByText('Growth Lab')).toHaveAttribute(
      'href',
      '/catalog/default/group/growth-lab',
    );
  });

  it('lists teams without lines by itself when there are very many teams', async () => {
    const many: TopologyResponse = {
      ...topology,
      teams: Array.from({ length: 60 }, (_, i) => ({
        team: {
          ref: `group:default/team-${i}`,
          namespace: 'default',
          name: `team-${i}`,
          teamType: 'stream-aligned',
        },
        disciplines: [],
        memberCount: 1,
        owns: [],
      })),
      declared: [],
      observed: [],
    };
    await render(async () => many);
    expect(
      await screen.findByText('60 teams without declared interactions:'),
    ).toBeInTheDocument();
    expect(drawnTeams()).toHaveLength(0);
    expect(screen.getByText('No team matches the filters')).toBeInTheDocument();
  });

  it('explains an empty organisation', async () => {
    await render(async () => emptyTopology);
    expect(await screen.findByText('No teams yet')).toBeInTheDocument();
  });

  it("shows the backend's error message", async () => {
    await render(async () => {
      throw await backendError(
        503,
        'ServiceUnavailableError',
        'Ownership index not built yet',
      );
    });
    expect(
      await screen.findAllByText(/Ownership index not built yet/),
    ).not.toHaveLength(0);
  });

  it('shows progress while loading', async () => {
    await render(() => new Promise(() => {}));
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });
});
