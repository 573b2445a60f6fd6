import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OwnershipApi, ownershipApiRef } from '../../api/OwnershipApi';
import { backendError } from '../../__fixtures__/errors';
import {
  checkoutResponsibilities,
  commerceResponsibilities,
  emptyResponsibilities,
} from '../../__fixtures__/ownership';
import { EntityResponsibilitiesCard } from './EntityResponsibilitiesCard';

const group = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team' },
});

function render(
  getGroupResponsibilities: OwnershipApi['getGroupResponsibilities'],
  name = 'checkout-team',
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          ownershipApiRef,
          { getGroupResponsibilities } as Partial<OwnershipApi>,
        ],
      ]}
    >
      <EntityProvider entity={group(name)}>
        <EntityResponsibilitiesCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityResponsibilitiesCard', () => {
  // Clicks, menus and typing run on the test's clock, not the machine's.
  let user: ReturnType<typeof userEvent.setup>;
  beforeEach(() => {
    jest.useFakeTimers();
    user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  });
  afterEach(() => jest.useRealTimers());

  it('lists what the team holds per role, with provenance', async () => {
    const get = jest.fn(async () => checkoutResponsibilities());
    await render(get);
    expect(
      await screen.findByText(
        'Checkout holds 2 responsibilities; it has no sub-teams.',
      ),
    ).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('group:default/checkout-team', {
      includeSubTeams: true,
    });
    const devops = within(screen.getByTestId('responsibilities-devops'));
    expect(devops.getByText('DevOps (2)')).toBeInTheDocument();
    expect(devops.getByText('checkout-service')).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-service',
    );
    expect(devops.getByText('Cart')).toBeInTheDocument();
    expect(devops.getAllByText('default')).toHaveLength(2);
    expect(devops.getAllByText('default from spec.owner')).toHaveLength(2);
    const sre = within(screen.getByTestId('responsibilities-sre'));
    expect(sre.getByText('SRE (0)')).toBeInTheDocument();
    expect(sre.getByText('Nothing.')).toBeInTheDocument();
  });

  it('says which sub-team holds an item, and leaves sub-teams out on request', async () => {
    const get = jest.fn(
      async (
        _ref: Parameters<OwnershipApi['getGroupResponsibilities']>[0],
        request?: { includeSubTeams?: boolean },
      ) => commerceResponsibilities(request?.includeSubTeams),
    );
    await render(get, 'commerce');
    expect(
      await screen.findByText(
        'Commerce and 2 sub-teams hold 2 responsibilities.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('default from spec.owner · held by Storefront'),
    ).toBeInTheDocument();

    await user.click(screen.getByLabelText('Include sub-teams'));
    expect(
      await screen.findByText(
        'Commerce holds 1 responsibility itself (sub-teams left out).',
      ),
    ).toBeInTheDocument();
    expect(get).toHaveBeenLastCalledWith('group:default/commerce', {
      includeSubTeams: false,
    });
    expect(screen.queryByText('storefront-web')).not.toBeInTheDocument();
  });

  it('shows a long list 20 at a time', async () => {
    const base = checkoutResponsibilities();
    const [first] = base.roles[0].items;
    const items = Array.from({ length: 45 }, (_, i) => ({
      ...first,
      entity: {
        ...first.entity,
        ref: `component:default/svc-${i + 1}`,
        name: `svc-${i + 1}`,
      },
    }));
    await render(async () => ({
      ...base,
      roles: [{ ...base.roles[0], items }, ...base.roles.slice(1)],
    }));
    const devops = within(await screen.findByTestId('responsibilities-devops'));
    expect(devops.getByText('DevOps (45)')).toBeInTheDocument();
    expect(devops.getAllByRole('listitem')).toHaveLength(20);
    expect(devops.getByText('svc-20')).toBeInTheDocument();
    expect(devops.queryByText('svc-21')).not.toBeInTheDocument();

    await user.click(
      devops.getByRole('button', { name: 'Show 20 more of 45' }),
    );
    expect(devops.getAllByRole('listitem')).toHaveLength(40);
    await user.click(devops.getByRole('button', { name: 'Show 5 more of 45' }));
    expect(devops.getAllByRole('listitem')).toHaveLength(45);
    expect(devops.getByText('svc-45')).toBeInTheDocument();
    expect(devops.queryByRole('button')).not.toBeInTheDocument();
  });

  it('explains how a team comes to hold something when it holds nothing', async () => {
    await render(async () => emptyResponsibilities, 'fraud-models');
    expect(
      await screen.findByText('No responsibilities yet'),
    ).toBeInTheDocument();
    expect(screen.getByText(/spec.responsibilities/)).toBeInTheDocument();
  });

  it("shows the backend's error message", async () => {
    await render(async () => {
      throw await backendError(
        503,
        'ServiceUnavailableError',
        'The ownership index is not built yet: catalog unreachable',
      );
    });
    expect(
      await screen.findAllByText(/The ownership index is not built yet/),
    ).not.toHaveLength(0);
  });

  it('shows progress while loading', async () => {
    await render(() => new Promise(() => {}));
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });
});
