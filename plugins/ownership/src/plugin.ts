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

/**
 * Who holds each role for the entity, and why. Named so that it does not
 * clash with `EntityOwnershipCard` of `@backstage/plugin-org`, which most
 * entity pages already import.
 *
 * @public
 */
export const EntityRoleOwnershipCard = ownershipPlugin.provide(
  createComponentExtension({
    name: 'EntityRoleOwnershipCard',
    component: {
      lazy: () =>
        import(
          './components/EntityRoleOwnershipCard/EntityRoleOwnershipCard'
        ).then(m => m.EntityRoleOwnershipCard),
    },
  }),
);

/**
 * @public
 * @deprecated Use {@link EntityRoleOwnershipCard}: this name clashes with
 * `EntityOwnershipCard` of `@backstage/plugin-org`. Removed in the next
 * release.
 */
export const EntityOwnershipCard = EntityRoleOwnershipCard;

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
