import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { SloClient, SloSample } from '@triad/plugin-slo-common';

const MINUTE = 60_000;
const DAYS = 31;
const BATCH = 10_000;

/**
 * Per-minute traffic of the example services: one healthy, one whose latency
 * objective spends budget steadily, one burning fast right now, and none at
 * all for the experimental recommendations service.
 */
export function exampleSamples(now: number): SloSample[] {
  const last = Math.floor(now / MINUTE) - 1;
  const first = last - DAYS * 1440;
  const samples: SloSample[] = [];
  for (let m = first; m <= last; m++) {
    const timestamp = m * MINUTE;
    const minutesAgo = last - m;
    // Checkout: 100 requests a minute, one server error every 50 minutes.
    samples.push({
      series: 'checkout-service/requests',
      timestamp,
      good: m % 50 === 0 ? 99 : 100,
      total: 100,
    });
    // Checkout latency: 97 % fast, but one minute in 200 only 90 % (a bad slice).
    samples.push({
      series: 'checkout-service/requests-under-300ms',
      timestamp,
      good: m % 200 === 0 ? 90 : 97,
      total: 100,
    });
    // Payments: clean for weeks, 5 % of authorisations failing for the last two hours.
    samples.push({
      series: 'payments-gateway/authorisations',
      timestamp,
      good: minutesAgo < 120 ? 190 : 200,
      total: 200,
    });
    // Product catalogue: 0.1 % errors against a 0.5 % budget.
    samples.push({
      series: 'product-catalog/reads',
      timestamp,
      good: m % 10 === 0 ? 999 : 1000,
      total: 1000,
    });
  }
  return samples;
}

/**
 * Fills the example instance's built-in SLI store at start-up, through the
 * same ingest endpoint (`POST /api/slo/v1/samples`) pipelines use.
 */
export const exampleSloSamplesModule = createBackendModule({
  pluginId: 'slo',
  moduleId: 'example-samples',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        lifecycle: coreServices.rootLifecycle,
        logger: coreServices.logger,
      },
      async init({ auth, discovery, lifecycle, logger }) {
        lifecycle.addStartupHook(async () => {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: 'slo',
          });
          const client = new SloClient({ discoveryApi: discovery });
          const samples = exampleSamples(Date.now());
          for (let i = 0; i < samples.length; i += BATCH) {
            await client.pushSamples(samples.slice(i, i + BATCH), { token });
          }
          logger.info(
            `Pushed ${samples.length} example SLO samples to the built-in store`,
          );
        });
      },
    });
  },
});
