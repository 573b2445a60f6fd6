/*
 * The Triad example backend: Backstage core plugins plus every Triad backend
 * plugin and module. Started by scripts/start.sh.
 */
import { createBackend } from '@backstage/backend-defaults';
import { examplePrometheusModule } from './modules/examplePrometheus/examplePrometheusModule';
import { exampleSloSamplesModule } from './modules/exampleSloSamples';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: guest only, so the example runs without any outside identity provider.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// Lets the catalog (and Triad's ownership index) react to entity changes.
backend.add(import('@backstage/plugin-events-backend'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
// Writes catalog processing errors to the log.
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// OpenSLO documents (SLO, SLI, DataSource, AlertPolicy, AlertCondition) as entities.
backend.add(import('@triad/plugin-catalog-backend-module-openslo'));
// Validates spec.responsibilities and spec.topology; emits role and team-interaction relations.
backend.add(import('@triad/plugin-catalog-backend-module-ownership'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
// Triad scaffolder actions: slo:* (OpenSLO, Prometheus rules, budget policy)
// and ownership:* (responsibilities, teams, lookup).
backend.add(import('@triad/plugin-scaffolder-backend-module-slo'));
backend.add(import('@triad/plugin-scaffolder-backend-module-ownership'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Signals push updates to the browser; the app's storage API relies on them.
backend.add(import('@backstage/plugin-signals-backend'));
// Notifications (the SLO backend tells owners and SRE holders of SLO changes).
backend.add(import('@backstage/plugin-notifications-backend'));

backend.add(import('@backstage/plugin-search-backend'));
// PostgreSQL full-text search when the database is PostgreSQL; the default
// in-memory engine otherwise.
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// Ownership by role with provenance, lookup, coverage and team topology (/api/ownership).
backend.add(import('@triad/plugin-ownership-backend'));

// SLOs: evaluation backend, Prometheus data source, and example data for the
// built-in store (pushed through the public ingest endpoint at start-up).
backend.add(import('@triad/plugin-slo-backend'));
backend.add(import('@triad/plugin-slo-backend-module-prometheus'));
backend.add(exampleSloSamplesModule);
// The example SLO from Prometheus: with Debian's prometheus installed, a
// Prometheus on loopback over four weeks of the cart service's traffic.
backend.add(examplePrometheusModule);

// Serves the actions of the plugins in backend.actions.pluginSources (SLOs and
// ownership) to AI assistants over MCP at /api/mcp-actions/v1.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
