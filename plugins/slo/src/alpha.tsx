import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import TrackChangesIcon from '@material-ui/icons/TrackChanges';
import { SloClient } from '@triad/plugin-slo-common';
import { sloApiRef } from './api/SloApi';
import { isSloAvailable } from './isSloAvailable';
import { rootRouteRef } from './routes';

const sloApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: sloApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SloClient({ discoveryApi, fetchApi }),
    }),
});

const sloPage = PageBlueprint.make({
  params: {
    path: '/slo',
    routeRef: rootRouteRef,
    title: 'SLOs',
    icon: <TrackChangesIcon fontSize="inherit" />,
    loader: () =>
      import('./components/SloPage/SloPage').then(m => <m.SloPage />),
  },
});

const entitySloCard = EntityCardBlueprint.make({
  name: 'slos',
  params: {
    filter: isSloAvailable,
    loader: () =>
      import('./components/EntitySloCard/EntitySloCard').then(m => (
        <m.EntitySloCard />
      )),
  },
});

const entityTeamSloCard = EntityCardBlueprint.make({
  name: 'team-slos',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('./components/EntityTeamSloCard/EntityTeamSloCard').then(m => (
        <m.EntityTeamSloCard />
      )),
  },
});

const entityBurnDependentsCard = EntityCardBlueprint.make({
  name: 'burn-dependents',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import(
        './components/EntityBurnDependentsCard/EntityBurnDependentsCard'
      ).then(m => <m.EntityBurnDependentsCard />),
  },
});

const entitySloContent = EntityContentBlueprint.make({
  name: 'slos',
  params: {
    path: '/slos',
    title: 'SLOs',
    group: 'observability',
    filter: isSloAvailable,
    loader: () =>
      import('./components/EntitySloContent/EntitySloContent').then(m => (
        <m.EntitySloContent />
      )),
  },
});

/**
 * The SLO plugin for the new frontend system: API, fleet page at `/slo`, the
 * SLOs tab and card on entities that SLOs measure, and the team cards on groups.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'slo',
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef },
  extensions: [
    sloApi,
    sloPage,
    entitySloCard,
    entityTeamSloCard,
    entityBurnDependentsCard,
    entitySloContent,
  ],
});
