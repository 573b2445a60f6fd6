import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { SloApi, sloApiRef } from '../../api/SloApi';
import { burning, healthy, quiet } from '../../__fixtures__/slos';
import { EntityTeamSloCard } from './EntityTeamSloCard';

const group = (name: string, children: string[]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  relations: children.map(c => ({
    type: 'parentOf',
    targetRef: `group:default/${c}`,
  })),
});
const groups: Record<string, any> = {
  'group:default/commerce': group('commerce', [
    'checkout-team',
    'storefront-team',
  ]),
  'group:default/checkout-team': group('checkout-team', []),
  'group:default/storefront-team': group('storefront-team', []),
};

describe('EntityTeamSloCard', () => {
  it('rolls up the SLOs of the team and its sub-teams only', async () => {
    const catalogApi = {
      getEntitiesByRefs: jest.fn(
        async ({ entityRefs }: { entityRefs: string[] }) => ({
          items: entityRefs.map(r => groups[r]),
        }),
      ),
    };
    const listSlos = async () => ({
      items: [healthy, burning, quiet],
      totalItems: 3,
      offset: 0,
      limit: 1000,
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [sloApiRef, { listSlos } as Partial<SloApi>],
          [catalogApiRef, catalogApi],
        ]}
      >
        <EntityProvider entity={groups['group:default/commerce']}>
          <EntityTeamSloCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    // healthy belongs to checkout-team (a sub-team); burning and quiet to other teams.
    expect(await screen.findByTestId('team-rollup')).toHaveTextContent(
      '1 SLOs: 0 breached, 0 warning, 1 healthy, 0 without data. Worst: checkout-availability.',
    );
    expect(screen.queryByText('payments-availability')).not.toBeInTheDocument();
    // One catalog request per level of the hierarchy: commerce, then its two children.
    expect(catalogApi.getEntitiesByRefs).toHaveBeenCalledTimes(2);
  });
});
