import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { SloClient, SloSample } from '@triad/plugin-slo-common';

const MINUTE = 60_000;
const HISTORY_DAYS = 31;
const BATCH = 10_000;
/** How long the example cluster incident lasts, in minutes. */
export const CLUSTER_INCIDENT_MINUTES = 90;

/**
 * Per-minute traffic of the example services for minutes [from, to): one
 * healthy, one whose latency objective spends budget steadily, one burning
 * fast since `burstFrom`, a ledger that is a part of the payments-core
 * composite, the platform resources checkout depends on, and none at all
 * for the experimental recommendations service. From `incidentFrom`, for
 * CLUSTER_INCIDENT_MINUTES, the production cluster has an incident that
 * checkout burns through with it (the SLO tab's burn attribution).
 */
export function exampleSamples(
  from: number,
  to: number,
  burstFrom: number,
  incidentFrom: number,
): SloSample[] {
  const samples: SloSample[] = [];
  for (let m = from; m < to; m++) {
    const timestamp = m * MINUTE;
    const incident =
      m >= incidentFrom && m < incidentFrom + CLUSTER_INCIDENT_MINUTES;
    // Checkout: 100 requests a minute, one server error every 50 minutes;
    // 2 errors a minute during the cluster incident (20× its budget).
    const checkoutBad = m % 50 === 0 ? 1 : 0;
    samples.push({
      series: 'checkout-service/requests',
      timestamp,
      good: 100 - (incident ? 2 : checkoutBad),
      total: 100,
    });
    // Checkout latency: 97 % fast, but one minute in 200 only 90 % (a bad slice).
    samples.push({
      series: 'checkout-service/requests-under-300ms',
      timestamp,
      good: m % 200 === 0 ? 90 : 97,
      total: 100,
    });
    // Payments: clean for weeks, then 5 % of authorisations failing.
    samples.push({
      series: 'payments-gateway/authorisations',
      timestamp,
      good: m >= burstFrom ? 190 : 200,
      total: 200,
    });
    // Ledger: 50 postings a minute, one rejected every 100 minutes (0.02 %
    // against a 0.1 % budget).
    samples.push({
      series: 'ledger-service/postings',
      timestamp,
      good: m % 100 === 0 ? 49 : 50,
      total: 50,
    });
    // Checkout's database: 200 queries a minute, one failing every 400
    // minutes (0.00125 % against a 0.05 % budget).
    samples.push({
      series: 'checkout-db/queries',
      timestamp,
      good: m % 400 === 0 ? 199 : 200,
      total: 200,
    });
    // The production cluster's API: 1,000 requests a minute, one server
    // error every 100 minutes (0.001 % against a 0.1 % budget); 50 a
    // minute during its incident (5 %: 50× its budget).
    const clusterBad = m % 100 === 0 ? 1 : 0;
    samples.push({
      series: 'prod-cluster/api-requests',
      timestamp,
      good: 1000 - (incident ? 50 : clusterBad),
      total: 1000,
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
 * Fills the example instance's built-in SLI store through the same ingest
 * endpoint (`POST /api/slo/v1/samples`) pipelines use: 31 days of history at
 * start-up, then every finished minute, so the payments incident that began
 * two hours before start keeps burning while the instance runs. The cluster
 * incident was three days before start: long over, outside every alert
 * window, inside the 28-day windows of checkout and the cluster.
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
        scheduler: coreServices.scheduler,
      },
      async init({ auth, discovery, lifecycle, logger, scheduler }) {
        const client = new SloClient({ discoveryApi: discovery });
        const startMinute = Math.floor(Date.now() / MINUTE);
        const burstFrom = startMinute - 120;
        const incidentFrom = startMinute - 3 * 1440;
        let next = startMinute - HISTORY_DAYS * 1440;

        // Pushes every finished minute not pushed yet.
        const pushUpToNow = async (): Promise<number> => {
          const to = Math.floor(Date.now() / MINUTE);
          if (to <= next) return 0;
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: 'slo',
          });
          const samples = exampleSamples(next, to, burstFrom, incidentFrom);
          for (let i = 0; i < samples.length; i += BATCH) {
            await client.pushSamples(samples.slice(i, i + BATCH), { token });
          }
          next = to;
          return samples.length;
        };

        lifecycle.addStartupHook(async () => {
          const pushed = await pushUpToNow();
          logger.info(
            `Pushed ${pushed} example SLO samples to the built-in store`,
          );
          await scheduler.scheduleTask({
            id: 'example-slo-samples',
            frequency: { minutes: 1 },
            timeout: { seconds: 30 },
            scope: 'local',
            fn: async () => {
              await pushUpToNow();
            },
          });
        });
      },
    });
  },
});
