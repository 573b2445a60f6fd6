import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createOpenSloCreateAction } from './actions/createOpenSloAction';
import { createOpenSloImportAction } from './actions/importSlosAction';
import { createOpenSloValidateAction } from './actions/validateOpenSloAction';
import { createPrometheusRulesAction } from './actions/prometheusRulesAction';
import { createPolicyCheckAction } from './actions/policyCheckAction';
import { createEventCreateAction } from './actions/eventCreateAction';

/**
 * Adds the `slo:*` actions to the scaffolder.
 *
 * @public
 */
export const scaffolderModuleSlo = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'slo',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, discovery, auth, catalog }) {
        scaffolder.addActions(
          createOpenSloCreateAction(),
          createOpenSloValidateAction(),
          createOpenSloImportAction(),
          createPrometheusRulesAction({ catalog, discovery, auth }),
          createPolicyCheckAction({ discovery, auth }),
          createEventCreateAction({ discovery, auth }),
        );
      },
    });
  },
});
