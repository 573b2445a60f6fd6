import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { parseOwnershipRoles } from '@triad/plugin-ownership-common';
import { createLookupAction } from './actions/lookupAction';
import { createSetResponsibilitiesAction } from './actions/setResponsibilitiesAction';
import { createTeamAction } from './actions/createTeamAction';

/**
 * Adds the `ownership:*` actions to the scaffolder. Roles come from
 * `ownership.roles` (default devops, sre, platform), as in the catalog module.
 *
 * @public
 */
export const scaffolderModuleOwnership = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'ownership',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, config, discovery, auth }) {
        const roles = parseOwnershipRoles(
          config.getOptional('ownership.roles'),
        );
        scaffolder.addActions(
          createSetResponsibilitiesAction({ roles }),
          createTeamAction({ roles }),
          createLookupAction({ discovery, auth, roles }),
        );
      },
    });
  },
});
