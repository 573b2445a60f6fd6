import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { isDatabaseUnavailable } from '@triad/backend-utils';
import { BuiltinStore } from '../builtin/BuiltinStore';
import { SloBackendConfig } from '../config';
import { SnapshotStore } from '../database/SnapshotStore';
import { EventStore } from '../events/EventStore';
import { FleetEvaluation } from './FleetEvaluation';
import { waitForDatabase } from './waitForDatabase';

const EVALUATE_ALL = 'slo-evaluate-all';

/**
 * Schedules the evaluation of every SLO (every `frequency`, one run across
 * all instances) with the removal of samples, snapshots and events past
 * retention (events are kept as long as snapshots, for the charts they mark),
 * and the change check that runs it before its turn.
 */
export async function scheduleFleetEvaluation(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  fleet: FleetEvaluation;
  store: Pick<BuiltinStore, 'deleteBefore'>;
  snapshots: Pick<SnapshotStore, 'deleteBefore'>;
  eventStore: Pick<EventStore, 'deleteBefore'>;
  config: SloBackendConfig;
  pingDatabase: () => Promise<unknown>;
}): Promise<void> {
  const { scheduler, logger, fleet, store, snapshots, eventStore, config } =
    options;
  await scheduler.scheduleTask({
    id: EVALUATE_ALL,
    frequency: { milliseconds: config.evaluation.frequencyMs },
    timeout: { minutes: 10 },
    scope: 'global',
    fn: async signal => {
      const started = Date.now();
      try {
        const { evaluated, failed } = await fleet.evaluateAll();
        const now = Date.now();
        const samples = await store.deleteBefore(
          now - config.builtin.retentionMs,
        );
        const old = await snapshots.deleteBefore(
          now - config.snapshotRetentionMs,
        );
        const events = await eventStore.deleteBefore(
          now - config.snapshotRetentionMs,
        );
        const durationMs = Date.now() - started;
        logger.info(
          `Evaluated ${evaluated} SLOs (${failed} from stale data); removed ${samples} old samples, ${old} old snapshots and ${events} old events in ${durationMs} ms`,
          { startedAt: new Date(started).toISOString(), durationMs },
        );
      } catch (error) {
        // The scheduler frees the task (in the database) when the run
        // fails; with the database away that fails too, and the task stays
        // locked until its timeout. Failing once the database is back lets
        // the next run come on time.
        if (isDatabaseUnavailable(error)) {
          logger.warn(
            `The evaluation of every SLO stopped: the database is unavailable (${error}); waiting for it before the next run`,
          );
          await waitForDatabase(options.pingDatabase, {
            intervalMs: 1000,
            signal,
          });
        }
        throw error;
      }
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
      if (!(await fleet.fleetChanged())) return;
      try {
        await scheduler.triggerTask(EVALUATE_ALL);
        logger.debug('Triggered an evaluation of every SLO: the fleet changed');
      } catch (error) {
        // Already running: the next check looks again once it is done.
        if ((error as Error).name !== ConflictError.name) throw error;
      }
    },
  });
}
