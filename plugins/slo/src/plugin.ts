import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SloClient } from '@triad/plugin-slo-common';
import { sloApiRef } from './api/SloApi';
import { rootRouteRef } from './routes';

/**
 * The SLO plugin for the legacy frontend system.
 *
 * @public
 */
export const sloPlugin = createPlugin({
  id: 'slo',
  apis: [
    createApiFactory({
      api: sloApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SloClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** @public */
export const SloPage = sloPlugin.provide(
  createRoutableExtension({
    name: 'SloPage',
    component: () =>
      import('./components/SloPage/SloPage').then(m => m.SloPage),
    mountPoint: rootRouteRef,
  }),
);

/** @public */
export const EntitySloCard = sloPlugin.provide(
  createComponentExtension({
    name: 'EntitySloCard',
    component: {
      lazy: () =>
        import('./components/EntitySloCard/EntitySloCard').then(
          m => m.EntitySloCard,
        ),
    },
  }),
);

/** @public */
export const EntitySloContent = sloPlugin.provide(
  createComponentExtension({
    name: 'EntitySloContent',
    component: {
      lazy: () =>
        import('./components/EntitySloContent/EntitySloContent').then(
          m => m.EntitySloContent,
        ),
    },
  }),
);

/** @public */
export const EntityTeamSloCard = sloPlugin.provide(
  createComponentExtension({
    name: 'EntityTeamSloCard',
    component: {
      lazy: () =>
        import('./components/EntityTeamSloCard/EntityTeamSloCard').then(
          m => m.EntityTeamSloCard,
        ),
    },
  }),
);

/** @public */
export const EntityBurnDependentsCard = sloPlugin.provide(
  createComponentExtension({
    name: 'EntityBurnDependentsCard',
    component: {
      lazy: () =>
        import(
          './components/EntityBurnDependentsCard/EntityBurnDependentsCard'
        ).then(m => m.EntityBurnDependentsCard),
    },
  }),
);
