import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SloApi, sloApiRef } from '../../api/SloApi';
import { burning, healthy, makeSlo, quiet } from '../../__fixtures__/slos';
import { SEARCH_DEBOUNCE_MS } from '@triad/frontend-utils';
import { SloPage } from './SloPage';
import { FLEET_PAGE_SIZE } from './useFleet';

const breached = makeSlo(
  'ledger-availability',
  {
    status: 'breached',
    ownerRef: 'group:default/payments-team',
    systemRef: 'system:default/payments-core',
  },
  { budget: { remaining: -0.2, totalTimeMs: 1 }, status: 'breached' },
);

const rollUps: SloApi['getRollUps'] = async by => ({
  by,
  rows:
    by === 'owner'
      ? [
          {
            key: 'group:default/payments-team',
            total: 2,
            counts: { healthy: 0, warning: 1, breached: 1, 'no-data': 0 },
            worst: {
              ref: breached.ref,
              title: breached.title,
              remaining: -0.2,
            },
          },
          {
            key: 'group:default/checkout-team',
            total: 1,
            counts: { healthy: 1, warning: 0, breached: 0, 'no-data': 0 },
          },
        ]
      : [
          {
            key: 'system:default/payments-core',
            total: 1,
            counts: { healthy: 0, warning: 0, breached: 1, 'no-data': 0 },
          },
        ],
});

const render = (
  listSlos: SloApi['listSlos'],
  getRollUps: SloApi['getRollUps'] = rollUps,
) =>
  renderInTestApp(
    <TestApiProvider
      apis={[[sloApiRef, { listSlos, getRollUps } as Partial<SloApi>]]}
    >
      <SloPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

const rowTitles = () =>
  within(screen.getAllByRole('table')[0])
    .getAllByRole('row')
    .slice(1)
    .map(r => within(r).getAllByRole('cell')[0].textContent);

describe('SloPage', () => {
  // Menus and typing run on the test's clock, not the machine's.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  const setupUser = () =>
    userEvent.setup({ advanceTimers: jest.advanceTimersByTime });

  // The backend's answers: every SLO least budget first, or those of the
  // payments team, or those matching "ledger".
  const all: SloApi['listSlos'] = async (query = {}) => {
    const items = [breached, healthy, burning, quiet].filter(
      s =>
        (!query.team || s.ownerRef === query.team) &&
        (!query.text || s.name.includes(query.text)),
    );
    return {
      items,
      totalItems: items.length,
      counts: {
        healthy: items.filter(i => i.status === 'healthy').length,
        warning: items.filter(i => i.status === 'warning').length,
        breached: items.filter(i => i.status === 'breached').length,
        'no-data': items.filter(i => i.status === 'no-data').length,
      },
      offset: query.offset ?? 0,
      limit: query.limit ?? 100,
    };
  };

  it('lists the page the backend answers, in its order', async () => {
    const listSlos = jest.fn(all);
    await render(listSlos);
    expect(await screen.findByText('SLOs (4)')).toBeInTheDocument();
    expect(rowTitles()).toEqual([
      'ledger-availability',
      'checkout-availability',
      'payments-availability',
      'recommendations-availability',
    ]);
    expect(listSlos).toHaveBeenCalledWith({
      offset: 0,
      limit: FLEET_PAGE_SIZE,
    });
  });

  it('asks the backend for the chosen team and text', async () => {
    const user = setupUser();
    const listSlos = jest.fn(all);
    const getRollUps = jest.fn(rollUps);
    await render(listSlos, getRollUps);
    await screen.findByText('SLOs (4)');
    fireEvent.mouseDown(screen.getByLabelText('Team'));
    await user.click(
      await screen.findByRole('option', { name: 'payments-team' }),
    );
    expect(await screen.findByText('SLOs (2)')).toBeInTheDocument();
    expect(listSlos).toHaveBeenLastCalledWith({
      team: 'group:default/payments-team',
      offset: 0,
      limit: FLEET_PAGE_SIZE,
    });
    expect(getRollUps).toHaveBeenLastCalledWith(
      'system',
      expect.objectContaining({ team: 'group:default/payments-team' }),
    );
    await user.type(screen.getByLabelText('Search SLOs'), 'ledger');
    // The backend is asked once typing pauses, not on every keystroke.
    expect(screen.getByText('SLOs (2)')).toBeInTheDocument();
    act(() => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
    expect(await screen.findByText('SLOs (1)')).toBeInTheDocument();
    expect(rowTitles()).toEqual(['ledger-availability']);
    expect(listSlos).toHaveBeenLastCalledWith(
      expect.objectContaining({ text: 'ledger' }),
    );
  });

  it('pages through a fleet larger than a page, asking for each page', async () => {
    const listSlos = jest.fn(async (query: any = {}) => ({
      ...(await all({})),
      items: query.offset ? [quiet] : [breached, healthy],
      totalItems: 45,
      offset: query.offset ?? 0,
    }));
    await render(listSlos);
    expect(await screen.findByText('SLOs (45)')).toBeInTheDocument();
    expect(screen.getByText(`1-${FLEET_PAGE_SIZE} of 45`)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText(`21-40 of 45`)).toBeInTheDocument();
    expect(listSlos).toHaveBeenLastCalledWith({
      offset: FLEET_PAGE_SIZE,
      limit: FLEET_PAGE_SIZE,
    });
    await screen.findByText('recommendations-availability');
    expect(rowTitles()).toEqual(['recommendations-availability']);
    // A page of the server's order is not sorted again in the browser.
    expect(
      screen.queryByRole('button', { name: 'Burn rate' }),
    ).not.toBeInTheDocument();
  });

  it("shows the backend's roll-ups by team and system with the worst SLO", async () => {
    await render(all);
    await screen.findByText('By team');
    const teamTable = screen
      .getByText('By team')
      .closest('div[class*="MuiPaper"]') as HTMLElement;
    const payments = within(teamTable)
      .getByText('payments-team')
      .closest('tr')!;
    expect(
      within(payments).getByText('ledger-availability: Overspent by 20.0 %'),
    ).toBeInTheDocument();
    expect(screen.getByText('By system')).toBeInTheDocument();
  });

  it('says that the fleet is warming up, and asks again after Retry-After', async () => {
    const warming = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'ServiceUnavailableError',
            message:
              'The SLO fleet is warming up: no evaluation has finished yet.',
          },
          response: { statusCode: 503 },
        }),
        {
          status: 503,
          headers: { 'Content-Type': 'application/json', 'Retry-After': '10' },
        },
      ) as any,
    );
    jest.useFakeTimers();
    try {
      const listSlos = jest
        .fn()
        .mockRejectedValueOnce(warming)
        .mockImplementation(all);
      await render(listSlos);
      expect(
        await screen.findByText(
          'The SLO fleet is warming up: no evaluation has finished yet. This view refreshes itself.',
        ),
      ).toBeInTheDocument();
      await act(() => jest.advanceTimersByTimeAsync(10_000));
      expect(await screen.findByText('SLOs (4)')).toBeInTheDocument();
      expect(listSlos).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows errors from the backend', async () => {
    await render(async () => {
      throw new Error('Request failed with 503 Service Unavailable');
    });
    expect(
      await screen.findAllByText(/503 Service Unavailable/),
    ).not.toHaveLength(0);
  });
});
