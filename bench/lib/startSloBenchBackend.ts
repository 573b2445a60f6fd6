import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleOpenSlo from '@triad/plugin-catalog-backend-module-openslo';
import sloPlugin from '@triad/plugin-slo-backend';
import sloModulePrometheus from '@triad/plugin-slo-backend-module-prometheus';
import { startBenchBackend } from './backend';
import { benchEntityProvider } from './catalogProvider';

/**
 * The catalog with the OpenSLO module and the entities of `provider`, and
 * the SLO backend with its Prometheus module reading `prometheusUrl`, on
 * databases named `dbPrefix…`.
 */
export function startSloBenchBackend(options: {
  dbPrefix: string;
  provider: ReturnType<typeof benchEntityProvider>;
  prometheusUrl: string;
}) {
  return startBenchBackend({
    dbPrefix: options.dbPrefix,
    features: [
      catalogPlugin,
      catalogModuleOpenSlo,
      options.provider.module,
      sloPlugin,
      sloModulePrometheus,
    ],
    probe: ['slo'],
    config: {
      catalog: {
        rules: [{ allow: ['Component', 'Group', 'Location', 'SLO', 'System'] }],
        processingInterval: { hours: 12 },
        orphanProviderStrategy: 'keep',
      },
      slo: {
        dataSources: [
          {
            name: 'prometheus',
            type: 'prometheus',
            baseUrl: options.prometheusUrl,
          },
        ],
        // Long enough that cached answers stay cached for the whole run.
        evaluation: { cacheTtl: '30m', timeout: '30s', concurrency: 8 },
      },
    },
  });
}
