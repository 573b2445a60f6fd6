import {
  coreServices,
  createBackendModule,
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { readFile } from 'fs/promises';
import { parseAllDocuments } from 'yaml';
import {
  ExamplePrometheus,
  findPrometheus,
  startExamplePrometheus,
} from './startExamplePrometheus';

const SLO_FILE = resolvePackagePath(
  'backend',
  '../../examples/prometheus/cart-service.yaml',
);

/**
 * Registers the Prometheus example's documents once its Prometheus answers,
 * with the DataSource pointing at it; nothing without Prometheus.
 */
class ExamplePrometheusProvider implements EntityProvider {
  constructor(
    private readonly logger: LoggerService,
    private readonly started: (running: ExamplePrometheus) => void,
  ) {}

  getProviderName() {
    return 'triad-example-prometheus';
  }

  async connect(connection: EntityProviderConnection) {
    // In the background: the catalog does not wait for Prometheus.
    this.start(connection).catch(error =>
      this.logger.warn(
        `The Prometheus example SLO is off: ${(error as Error).message}`,
      ),
    );
  }

  private async start(connection: EntityProviderConnection) {
    const binaries = findPrometheus();
    if (!binaries) {
      this.logger.info(
        "The Prometheus example SLO (cart-service) is off: no prometheus and promtool found. Install Debian's prometheus package (apt-get install prometheus) and restart scripts/start.sh to get it.",
      );
      await connection.applyMutation({ type: 'full', entities: [] });
      return;
    }
    const running = await startExamplePrometheus(binaries);
    this.started(running);
    this.logger.info(
      `Started the example Prometheus at ${running.url}: ${running.samples} samples back-filled in ${running.backfillMs} ms, ready after ${running.startupMs} ms`,
    );
    const location = `file:${SLO_FILE}`;
    const entities = parseAllDocuments(await readFile(SLO_FILE, 'utf8'))
      .map(d => d.toJS() as Entity)
      .map(entity => {
        const annotations = {
          ...entity.metadata.annotations,
          'backstage.io/managed-by-location': location,
          'backstage.io/managed-by-origin-location': location,
        };
        const spec =
          entity.kind === 'DataSource'
            ? {
                ...entity.spec,
                connectionDetails: { url: running.url },
              }
            : entity.spec;
        return {
          entity: {
            ...entity,
            metadata: { ...entity.metadata, annotations },
            spec,
          },
          locationKey: this.getProviderName(),
        };
      });
    await connection.applyMutation({ type: 'full', entities });
  }
}

/**
 * The example instance's Prometheus-backed SLO: when Debian's prometheus is
 * installed, starts a Prometheus over four weeks of the cart service's
 * traffic (see startExamplePrometheus) and registers
 * examples/prometheus/cart-service.yaml against it; stops it with the
 * backend. Without Prometheus it logs how to get the example.
 */
export const examplePrometheusModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'example-prometheus',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        logger: coreServices.logger,
        lifecycle: coreServices.rootLifecycle,
      },
      async init({ catalog, logger, lifecycle }) {
        let running: ExamplePrometheus | undefined;
        catalog.addEntityProvider(
          new ExamplePrometheusProvider(logger, r => {
            running = r;
          }),
        );
        lifecycle.addShutdownHook(async () => {
          await running?.stop();
        });
      },
    });
  },
});
