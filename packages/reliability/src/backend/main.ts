/*
 * A Backstage backend for the reliability suite, run as a child process so
 * that the suite can kill it (SIGKILL), restart it and run two of it. It wires
 * what Triad needs in a real installation: the catalog with the OpenSLO and
 * ownership modules, the SLO backend with the Prometheus data source, the
 * ownership backend, auth (static external-access token for the suite, guest
 * sign-in for a user token) and the permission backend with the policy below.
 * Everything else comes from the --config files the suite writes.
 */
import { createBackend } from '@backstage/backend-defaults';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { processDiagnosticsPlugin } from './processDiagnostics';
import { reliabilityPolicy } from './reliabilityPolicy';

const policyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'triad-reliability-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(reliabilityPolicy);
      },
    });
  },
});

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(policyModule);
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@triad/plugin-catalog-backend-module-openslo'));
backend.add(import('@triad/plugin-catalog-backend-module-ownership'));
backend.add(import('@triad/plugin-slo-backend'));
backend.add(import('@triad/plugin-slo-backend-module-prometheus'));
backend.add(import('@triad/plugin-ownership-backend'));
backend.add(processDiagnosticsPlugin);
backend.start();
