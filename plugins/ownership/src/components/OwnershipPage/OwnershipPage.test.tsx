import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OwnershipApi, ownershipApiRef } from '../../api/OwnershipApi';
import { backendError } from '../../__fixtures__/errors';
import {
  coverage,
  emptyCoverage,
  lookupCheckout,
  lookupGuest,
} from '../../__fixtures__/ownership';
import { LOOKUP_DEBOUNCE_MS } from './LookupPanel';
import { OwnershipPage } from './OwnershipPage';

function render(api: Partial<OwnershipApi>, route = '/ownership') {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          ownershipApiRef,
          { getCoverage: async () => coverage, lookup: jest.fn(), ...api },
        ],
      ]}
    >
      <OwnershipPage />
    </TestApiProvider>,
    {
      routeEntries: [route],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('OwnershipPage lookup', () => {
  afterEach(() => jest.useRealTimers());

  it('asks once the typing pauses and answers for a person', async () => {
    // The test owns the clock: keystrokes take no time and the pause is
    // exactly the debounce, however busy the machine is.
    jest.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    const lookup = jest.fn(async () => lookupGuest);
    await render({ lookup });
    await user.type(screen.getByLabelText('Look up'), 'guest');
    act(() => jest.advanceTimersByTime(LOOKUP_DEBOUNCE_MS - 1));
    expect(lookup).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(1));
    expect(await screen.findByText('1 match for “guest”')).toBeInTheDocument();
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup).toHaveBeenCalledWith('guest');
    const result = within(screen.getByTestId('lookup-result'));
    expect(result.getByText('Guest')).toHaveAttribute(
      'href',
      '/catalog/default/user/guest',
    );
    expect(result.getByText('Checkout')).toBeInTheDocument();
    expect(result.getByText('DevOps (3)')).toBeInTheDocument();
    expect(result.getByText('checkout-service')).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-service',
    );
    expect(result.getByText('SRE (0)')).toBeInTheDocument();
  });

  it('answers for a team and an entity, from the query in the address', async () => {
    const lookup = jest.fn(async () => lookupCheckout);
    await render({ lookup }, '/ownership?q=checkout');
    expect(
      await screen.findByText('2 matches for “checkout”'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Look up')).toHaveValue('checkout');
    const [team, entity] = screen.getAllByTestId('lookup-result');
    expect(
      within(team).getByText('With its sub-teams, it is responsible for:'),
    ).toBeInTheDocument();
    expect(within(team).getByText(/Stream-aligned team/)).toBeInTheDocument();
    expect(
      within(entity).getByText('inherited from system:checkout'),
    ).toBeInTheDocument();
    expect(within(entity).getByText('SRE Core')).toBeInTheDocument();
  });

  it('says when nothing matches', async () => {
    await render(
      { lookup: async q => ({ query: q, results: [], indexedAt: '' }) },
      '/ownership?q=nobody',
    );
    expect(
      await screen.findByText('Nothing you may see matches “nobody”.'),
    ).toBeInTheDocument();
  });

  it("shows the backend's error message", async () => {
    await render(
      {
        lookup: async () => {
          throw await backendError(
            400,
            'InputError',
            'q: must be at most 200 characters',
          );
        },
      },
      '/ownership?q=x',
    );
    expect(
      await screen.findAllByText(/q: must be at most 200 characters/),
    ).not.toHaveLength(0);
  });

  it('shows progress while looking up', async () => {
    await render({ lookup: () => new Promise(() => {}) }, '/ownership?q=x');
    await waitFor(() =>
      expect(screen.getAllByTestId('progress').length).toBeGreaterThan(0),
    );
  });
});

describe('OwnershipPage coverage', () => {
  it('shows per-role bars, gaps, multi-role teams and stale interactions', async () => {
    await render({});
    expect(
      await screen.findByText('6 of 9 covered (67 %)'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('coverage-devops')).getByText(
        '9 of 9 covered (100 %)',
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('coverage-sre')).getByRole('progressbar'),
    ).toHaveAttribute('aria-valuenow', '67');
    expect(
      within(screen.getByTestId('coverage-platform')).getByText(
        'no production components',
      ),
    ).toBeInTheDocument();

    const gaps = within(screen.getByTestId('gaps-sre'));
    expect(gaps.getByText('SRE: 2 uncovered, 1 orphaned')).toBeInTheDocument();
    expect(gaps.getByText('Product catalogue, "main"')).toBeInTheDocument();
    expect(gaps.getByText('storefront-web')).toBeInTheDocument();
    expect(gaps.getByText('cart-service')).toBeInTheDocument();
    expect(
      gaps.getByText(
        'SRE assigned to group:checkout-oncall, which does not exist; set explicitly on this entity',
      ),
    ).toBeInTheDocument();

    expect(
      screen.getAllByTestId('multi-role-team').map(e => e.textContent),
    ).toEqual([
      'Growth Lab — DevOps, SRE, Platform',
      'Runtime Platform — DevOps, SRE, Platform',
    ]);
    expect(screen.getByTestId('stale-interaction')).toHaveTextContent(
      'facilitating, planned to end 2026-03-31',
    );
  });

  it('downloads the report as CSV', async () => {
    const createObjectURL = jest.fn((_: Blob) => 'blob:coverage');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function clickDownload(this: HTMLAnchorElement) {
        expect(this.download).toBe('ownership-coverage-2026-11-28.csv');
        expect(this.href).toBe('blob:coverage');
      });
    await render({});
    await userEvent.click(
      await screen.findByRole('button', { name: /Download CSV/ }),
    );
    expect(click).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0][0];
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const text = await blob.text();
    expect(text).toContain(
      'sre,SRE,6,9,0.6667,orphaned,component:default/cart-service',
    );
    click.mockRestore();
  });

  it('explains an empty report', async () => {
    await render({ getCoverage: async () => emptyCoverage });
    expect(
      await screen.findByText('No production components yet'),
    ).toBeInTheDocument();
  });

  it("shows the backend's error message", async () => {
    await render({
      getCoverage: async () => {
        throw await backendError(
          503,
          'ServiceUnavailableError',
          'Ownership index not built yet',
        );
      },
    });
    expect(
      await screen.findAllByText(/Ownership index not built yet/),
    ).not.toHaveLength(0);
  });

  it('shows progress while loading', async () => {
    await render({ getCoverage: () => new Promise(() => {}) });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });
});
