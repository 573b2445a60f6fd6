import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { OwnershipClient } from '@triad/plugin-ownership-common';
import { ownershipApiRef } from './api/OwnershipApi';
import { rootRouteRef, topologyRouteRef } from './routes';

/**
 * The ownership plugin for the legacy frontend system.
 *
 * @public
 */
export const ownershipPlugin = createPlugin({
  id: 'ownership',
  apis: [
    createApiFactory({
      api: ownershipApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new OwnershipClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef, topology: topologyRouteRef },
});

/** @public */
export const OwnershipPage = ownershipPlugin.provide(
  createRoutableExtension({
    name: 'OwnershipPage',
    component: () =>
      import('./components/OwnershipPage/OwnershipPage').then(
        m => m.OwnershipPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/** @public */
export const TeamTopologyPage = ownershipPlugin.provide(
  createRoutableExtension({
    name: 'TeamTopologyPage',
    component: () =>
      import('./components/TeamTopologyPage/TeamTopologyPage').then(
        m => m.TeamTopologyPage,
      ),
    mountPoint: topologyRouteRef,
  }),
);

/** @public */
export const EntityOwnershipCard = ownershipPlugin.provide(
  createComponentExtension({
    name: 'EntityOwnershipCard',
    component: {
      lazy: () =>
        import('./components/EntityOwnershipCard/EntityOwnershipCard').then(
          m => m.EntityOwnershipCard,
        ),
    },
  }),
);

/** @public */
export const EntityResponsibilitiesCard = ownershipPlugin.provide(
  createComponentExtension({
    name: 'EntityResponsibilitiesCard',
    component: {
      lazy: () =>
        import(
          './components/EntityResponsibilitiesCard/EntityResponsibilitiesCard'
        ).then(m => m.EntityResponsibilitiesCard),
    },
  }),
);
