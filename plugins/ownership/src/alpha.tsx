import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import AccountTreeIcon from '@material-ui/icons/AccountTree';
import AssignmentIndIcon from '@material-ui/icons/AssignmentInd';
import {
  OwnershipClient,
  RESPONSIBILITY_KINDS,
} from '@triad/plugin-ownership-common';
import { z } from 'zod';
import { ownershipApiRef } from './api/OwnershipApi';
import { rootRouteRef, topologyRouteRef } from './routes';

const ownershipApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: ownershipApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new OwnershipClient({ discoveryApi, fetchApi }),
    }),
});

const ownershipPage = PageBlueprint.make({
  params: {
    path: '/ownership',
    routeRef: rootRouteRef,
    title: 'Ownership',
    icon: <AssignmentIndIcon fontSize="inherit" />,
    loader: () =>
      import('./components/OwnershipPage/OwnershipPage').then(m => (
        <m.OwnershipPage />
      )),
  },
});

const teamTopologyPage = PageBlueprint.make({
  name: 'team-topology',
  params: {
    path: '/team-topology',
    routeRef: topologyRouteRef,
    title: 'Team topology',
    icon: <AccountTreeIcon fontSize="inherit" />,
    loader: () =>
      import('./components/TeamTopologyPage/TeamTopologyPage').then(m => (
        <m.TeamTopologyPage />
      )),
  },
});

const entityOwnershipCard = EntityCardBlueprint.makeWithOverrides({
  name: 'ownership',
  configSchema: {
    // As the legacy card's prop: link template per on-call annotation.
    onCallLinks: z.record(z.string(), z.string()).optional(),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: {
        kind: { $in: RESPONSIBILITY_KINDS.map(k => k.toLowerCase()) },
      },
      loader: () =>
        import(
          './components/EntityRoleOwnershipCard/EntityRoleOwnershipCard'
        ).then(m => (
          <m.EntityRoleOwnershipCard onCallLinks={config.onCallLinks} />
        )),
    });
  },
});

const entityResponsibilitiesCard = EntityCardBlueprint.make({
  name: 'responsibilities',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import(
        './components/EntityResponsibilitiesCard/EntityResponsibilitiesCard'
      ).then(m => <m.EntityResponsibilitiesCard />),
  },
});

/**
 * The ownership plugin for the new frontend system: API, the ownership page
 * at `/ownership` and the team topology page at `/team-topology` (both in the
 * nav), the ownership card on Components, Systems, Domains, Resources and
 * APIs, and the responsibilities card on Groups.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'ownership',
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef, topology: topologyRouteRef },
  extensions: [
    ownershipApi,
    ownershipPage,
    teamTopologyPage,
    entityOwnershipCard,
    entityResponsibilitiesCard,
  ],
});
