import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { sloPermissions } from '@triad/plugin-slo-common';
import {
  SloDataSource,
  sloDataSourcesExtensionPoint,
} from '@triad/plugin-slo-node';
import { ConflictError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readSloBackendConfig } from './config';
import { createRouter } from './service/router';
import { BuiltinStore } from './builtin/BuiltinStore';
import { builtinDataSource } from './builtin/builtinDataSource';
import { ingestLimitsAt } from './builtin/validateSamples';
import { SloDefinitions } from './evaluation/SloDefinitions';
import { SloEvaluator } from './evaluation/SloEvaluator';
import { SloSources } from './evaluation/SloSources';
import { SloService } from './service/SloService';
import { databaseClient } from './database/migrateDatabase';
import { FleetRunStore } from './database/FleetRunStore';
import { SnapshotStore } from './database/SnapshotStore';

/**
 * The SLO backend plugin: evaluation, REST API, built-in store, snapshots and
 * error-budget policy.
 *
 * @public
 */
export const sloPlugin = createBackendPlugin({
  pluginId: 'slo',
  register(env) {
    const modules = new Map<string, SloDataSource>();
    env.registerExtensionPoint(sloDataSourcesExtensionPoint, {
      addDataSource(source) {
        const type = source.type.toLocaleLowerCase('en-US');
        if (modules.has(type))
          throw new Error(`SLO data source type "${type}" is registered twice`);
        modules.set(type, source);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        cache: coreServices.cache,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { logger, database, scheduler, httpRouter } = deps;
        const config = readSloBackendConfig(deps.config);

        const db = await databaseClient(database);
        const store = new BuiltinStore(db);
        const snapshots = new SnapshotStore(db);
        const fleetRuns = new FleetRunStore(db);
        const dataSources = new Map(modules);
        dataSources.set('builtin', builtinDataSource(store));

        const definitions = new SloDefinitions(
          deps.catalog,
          deps.auth,
          config.dataSources,
        );
        const evaluator = new SloEvaluator({
          definitions,
          sources: new SloSources({ dataSources, ...config.evaluation }),
          snapshots,
          cache: deps.cache,
          logger,
          cacheTtlMs: config.evaluation.cacheTtlMs,
          thresholds: config.status,
        });
        const slos = new SloService({
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          definitions,
          evaluator,
          snapshots,
          fleetRuns,
          policy: config.policy,
          concurrency: config.evaluation.concurrency,
          fleetRetryAfterSeconds: Math.ceil(
            config.evaluation.changeCheckMs / 1000,
          ),
        });

        deps.permissionsRegistry.addPermissions(sloPermissions);

        const retentionMs = config.builtin.retentionMs;
        const snapshotRetentionMs = config.snapshotRetentionMs;
        await scheduler.scheduleTask({
          id: 'slo-evaluate-all',
          frequency: { milliseconds: config.evaluation.frequencyMs },
          timeout: { minutes: 10 },
          scope: 'global',
          fn: async () => {
            const started = Date.now();
            const { evaluated, failed } = await slos.evaluateAll();
            const now = Date.now();
            const samples = await store.deleteBefore(now - retentionMs);
            const old = await snapshots.deleteBefore(now - snapshotRetentionMs);
            const durationMs = Date.now() - started;
            logger.info(
              `Evaluated ${evaluated} SLOs (${failed} from stale data); removed ${samples} old samples and ${old} old snapshots in ${durationMs} ms`,
              { startedAt: new Date(started).toISOString(), durationMs },
            );
          },
        });

        // The fleet list needs a finished evaluation of every SLO, and right
        // after a start the catalog is still loading SLOs: every few seconds
        // each instance asks whether the evaluation should run before its
        // turn (none has finished, or SLOs came or went) and triggers it.
        await scheduler.scheduleTask({
          id: 'slo-fleet-change-check',
          frequency: { milliseconds: config.evaluation.changeCheckMs },
          timeout: { minutes: 1 },
          scope: 'local',
          fn: async () => {
            if (!(await slos.fleetChanged())) return;
            try {
              await scheduler.triggerTask('slo-evaluate-all');
              logger.debug(
                'Triggered an evaluation of every SLO: the fleet changed',
              );
            } catch (error) {
              // Already running: the next check looks again once it is done.
              if ((error as Error).name !== ConflictError.name) throw error;
            }
          },
        });

        httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            auth: deps.auth,
            permissions: deps.permissions,
            slos,
            store,
            maxBodyBytes: 4 * 1024 * 1024,
            ingestLimits: () => ingestLimitsAt(Date.now(), config.builtin),
          }),
        );
      },
    });
  },
});
