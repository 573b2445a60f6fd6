import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { act, screen, within } from '@testing-library/react';
import { OwnershipApi, ownershipApiRef } from '../../api/OwnershipApi';
import { backendError } from '../../__fixtures__/errors';
import { checkoutOwnership, gapsOwnership } from '../../__fixtures__/ownership';
import { EntityRoleOwnershipCard } from './EntityRoleOwnershipCard';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-service', namespace: 'default' },
};

function render(
  getEntityOwnership: OwnershipApi['getEntityOwnership'],
  props: { onCallLinks?: Record<string, string> } = {},
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [ownershipApiRef, { getEntityOwnership } as Partial<OwnershipApi>],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityRoleOwnershipCard {...props} />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const row = (role: string) => within(screen.getByTestId(`role-${role}`));

describe('EntityRoleOwnershipCard', () => {
  it('shows each role with its team, provenance badge, path in words and on-call links', async () => {
    const getEntityOwnership = jest.fn(async () => checkoutOwnership);
    await render(getEntityOwnership);
    expect(await screen.findByText('DevOps')).toBeInTheDocument();
    expect(getEntityOwnership).toHaveBeenCalledWith(
      'component:default/checkout-service',
    );

    expect(row('devops').getByText('Checkout')).toHaveAttribute(
      'href',
      '/catalog/default/group/checkout-team',
    );
    expect(row('devops').getByText('default')).toBeInTheDocument();
    expect(
      row('devops').getByText('default from spec.owner'),
    ).toBeInTheDocument();

    expect(row('sre').getByText('SRE Core')).toBeInTheDocument();
    expect(row('sre').getByText('inherited')).toBeInTheDocument();
    expect(
      row('sre').getByText('inherited from system:checkout'),
    ).toBeInTheDocument();
    expect(
      row('sre').getByText('PagerDuty service PSRECOR').closest('a'),
    ).toHaveAttribute(
      'href',
      'https://app.pagerduty.com/service-directory/PSRECOR',
    );

    expect(row('platform').getByText('Runtime Platform')).toBeInTheDocument();
    expect(row('platform').getByText('derived')).toBeInTheDocument();
    expect(
      row('platform').getByText('derived from resource:checkout-db'),
    ).toBeInTheDocument();
    expect(
      row('platform').getByText('Opsgenie team runtime-platform'),
    ).toBeInTheDocument();
  });

  it('shows orphaned, uncovered and restricted roles as such', async () => {
    await render(async () => gapsOwnership);
    expect(await screen.findByText('orphaned')).toBeInTheDocument();
    expect(row('sre').getByText('group:checkout-oncall')).toBeInTheDocument();
    expect(row('sre').getByText('explicit')).toBeInTheDocument();
    expect(
      row('sre').getByText(
        'set explicitly on this entity — group:checkout-oncall does not exist in the catalog',
      ),
    ).toBeInTheDocument();
    expect(row('platform').getByText('Nobody')).toBeInTheDocument();
    expect(row('platform').getByText('uncovered')).toBeInTheDocument();
    expect(
      row('platform').getByText(
        'No holder found on component:cart-service, system:checkout, domain:commerce',
      ),
    ).toBeInTheDocument();
    expect(row('devops').getByText('restricted')).toBeInTheDocument();
    expect(
      row('devops').getByText('A team you may not see'),
    ).toBeInTheDocument();
  });

  it("shows the entity's own on-call links, on the configured host", async () => {
    await render(async () => gapsOwnership, {
      onCallLinks: {
        'pagerduty.com/service-id':
          'https://acme.pagerduty.com/services/{value}',
      },
    });
    expect(
      await screen.findByText('On call for this entity:'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('PagerDuty service PCART01').closest('a'),
    ).toHaveAttribute('href', 'https://acme.pagerduty.com/services/PCART01');
  });

  it('says so when no role is configured', async () => {
    await render(async () => ({ ...checkoutOwnership, roles: [] }));
    expect(
      await screen.findByText('No roles are configured'),
    ).toBeInTheDocument();
  });

  it("shows the backend's error message", async () => {
    await render(async () => {
      throw await backendError(
        404,
        'NotFoundError',
        'No entity component:default/checkout-service in the ownership index',
      );
    });
    expect(
      await screen.findAllByText(
        /No entity component:default\/checkout-service in the ownership index/,
      ),
    ).not.toHaveLength(0);
  });

  it('says that the backend is warming up, and asks again after its Retry-After', async () => {
    const warming = await backendError(
      503,
      'ServiceUnavailableError',
      'The ownership index is warming up: the catalog holds no components yet.',
      { 'Retry-After': '10' },
    );
    jest.useFakeTimers();
    try {
      const getEntityOwnership = jest
        .fn()
        .mockRejectedValueOnce(warming)
        .mockResolvedValue(checkoutOwnership);
      await render(getEntityOwnership);
      expect(
        await screen.findByText(
          'The ownership index is warming up: the catalog holds no components yet. This view refreshes itself.',
        ),
      ).toBeInTheDocument();
      expect(screen.queryByText(/Request failed/)).not.toBeInTheDocument();

      await act(() => jest.advanceTimersByTimeAsync(9_999));
      expect(getEntityOwnership).toHaveBeenCalledTimes(1);
      await act(() => jest.advanceTimersByTimeAsync(1));
      expect(await screen.findByText('DevOps')).toBeInTheDocument();
      expect(getEntityOwnership).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('titles other errors with the message of the backend, not the status', async () => {
    await render(async () => {
      throw await backendError(
        404,
        'NotFoundError',
        'No entity component:default/x',
      );
    });
    expect(
      await screen.findAllByText('No entity component:default/x'),
    ).not.toHaveLength(0);
    expect(
      screen.queryByText('Request failed with 404 Not Found'),
    ).not.toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await render(() => new Promise(() => {}));
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });
});
