import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SloApi, sloApiRef } from '../../api/SloApi';
import { burning, healthy, makeSlo, quiet } from '../../__fixtures__/slos';
import { SEARCH_DEBOUNCE_MS } from '@triad/frontend-utils';
import { SloPage } from './SloPage';

const breached = makeSlo(
  'ledger-availability',
  {
    status: 'breached',
    ownerRef: 'group:default/payments-team',
    systemRef: 'system:default/payments-core',
  },
  { budget: { remaining: -0.2, totalTimeMs: 1 }, status: 'breached' },
);

const render = (listSlos: SloApi['listSlos']) =>
  renderInTestApp(
    <TestApiProvider apis={[[sloApiRef, { listSlos } as Partial<SloApi>]]}>
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

  const all = async () => ({
    items: [healthy, quiet, burning, breached],
    totalItems: 4,
    counts: { healthy: 1, warning: 1, breached: 1, 'no-data': 1 },
    offset: 0,
    limit: 1000,
  });

  it('lists every SLO, least budget left first and no data last', async () => {
    await render(all);
    expect(await screen.findByText('SLOs (4)')).toBeInTheDocument();
    expect(rowTitles()).toEqual([
      'ledger-availability',
      'checkout-availability',
      'payments-availability',
      'recommendations-availability',
    ]);
  });

  it('filters by team and by text', async () => {
    const user = setupUser();
    await render(all);
    await screen.findByText('SLOs (4)');
    fireEvent.mouseDown(screen.getByLabelText('Team'));
    await user.click(
      await screen.findByRole('option', { name: 'payments-team' }),
    );
    expect(await screen.findByText('SLOs (2)')).toBeInTheDocument();
    expect(rowTitles()).toEqual([
      'ledger-availability',
      'payments-availability',
    ]);
    await user.type(screen.getByLabelText('Search SLOs'), 'ledger');
    // The list is filtered once typing pauses, not on every keystroke.
    expect(screen.getByText('SLOs (2)')).toBeInTheDocument();
    act(() => jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS));
    expect(await screen.findByText('SLOs (1)')).toBeInTheDocument();
    expect(rowTitles()).toEqual(['ledger-availability']);
  });

  it('rolls SLOs up by team and system with the worst SLO', async () => {
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
