import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { OwnershipApi, ownershipApiRef } from './api/OwnershipApi';
import {
  checkoutOwnership,
  checkoutResponsibilities,
  coverage,
  topology,
} from './__fixtures__/ownership';
import {
  EntityRoleOwnershipCard,
  EntityOwnershipCard,
  EntityResponsibilitiesCard,
  isOwnershipAvailable,
  ownershipPlugin,
  OwnershipPage,
  TeamTopologyPage,
} from './index';
import alphaPlugin from './alpha';
import {
  createExtensionTester,
  renderInTestApp as renderInNewTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';

const api: Partial<OwnershipApi> = {
  getEntityOwnership: async () => checkoutOwnership,
  getGroupResponsibilities: async () => checkoutResponsibilities(),
  getCoverage: async () => coverage,
  lookup: async q => ({ query: q, results: [], indexedAt: '' }),
  getTopology: async () => topology,
};

const mountedRoutes = {
  mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
};

const component = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-service', namespace: 'default' },
};
const group = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'checkout-team', namespace: 'default' },
};

describe('legacy exports', () => {
  it('has an id and routes for both pages', () => {
    expect(ownershipPlugin.getId()).toBe('ownership');
    expect(Object.keys(ownershipPlugin.routes)).toEqual(['root', 'topology']);
  });

  it('renders the ownership card', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[ownershipApiRef, api]]}>
        <EntityProvider entity={component}>
          <EntityRoleOwnershipCard />
        </EntityProvider>
      </TestApiProvider>,
      mountedRoutes,
    );
    expect(
      await screen.findByText('inherited from system:checkout'),
    ).toBeInTheDocument();
  });

  it('keeps the old name of the ownership card for one release', () => {
    expect(EntityOwnershipCard).toBe(EntityRoleOwnershipCard);
  });

  it('renders the responsibilities card', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[ownershipApiRef, api]]}>
        <EntityProvider entity={group}>
          <EntityResponsibilitiesCard />
        </EntityProvider>
      </TestApiProvider>,
      mountedRoutes,
    );
    expect(await screen.findByText('DevOps (2)')).toBeInTheDocument();
  });

  it('renders the ownership page', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[ownershipApiRef, api]]}>
        <Routes>
          <Route path="/*" element={<OwnershipPage />} />
        </Routes>
      </TestApiProvider>,
      mountedRoutes,
    );
    expect(
      await screen.findByText('6 of 9 covered (67 %)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Who is responsible for what?'),
    ).toBeInTheDocument();
  });

  it('renders the team topology page', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[ownershipApiRef, api]]}>
        <Routes>
          <Route path="/*" element={<TeamTopologyPage />} />
        </Routes>
      </TestApiProvider>,
      mountedRoutes,
    );
    expect(
      (await screen.findAllByTestId('topology-node')).length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('Mismatches')).toBeInTheDocument();
  });

  it('shows the ownership card on the kinds that have role holders', () => {
    for (const kind of ['Component', 'System', 'Domain', 'Resource', 'API']) {
      expect(isOwnershipAvailable({ ...component, kind })).toBe(true);
    }
    expect(isOwnershipAvailable(group)).toBe(false);
  });
});

describe('new frontend system plugin', () => {
  it('has both routes', () => {
    expect(alphaPlugin.id).toBe('ownership');
    expect(Object.keys(alphaPlugin.routes)).toEqual(['root', 'topology']);
  });

  it('takes on-call link templates from the ownership card config', async () => {
    const card = createExtensionTester(
      alphaPlugin.getExtension('entity-card:ownership/ownership'),
      {
        config: {
          onCallLinks: {
            'pagerduty.com/service-id':
              'https://acme.pagerduty.com/services/{value}',
          },
        },
      },
    );
    renderInNewTestApp(
      <EntityProvider entity={component}>{card.reactElement()}</EntityProvider>,
      {
        apis: [[ownershipApiRef, api]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      (await screen.findByText('PagerDuty service PSRECOR')).closest('a'),
    ).toHaveAttribute('href', 'https://acme.pagerduty.com/services/PSRECOR');
  });

  it.each([
    ['/ownership', 'Who is responsible for what?'],
    ['/team-topology', 'Teams and how they work together'],
  ])('serves %s', async (path, text) => {
    renderTestApp({
      features: [alphaPlugin],
      apis: [[ownershipApiRef, api]],
      initialRouteEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(await screen.findByText(text)).toBeInTheDocument();
  });
});
