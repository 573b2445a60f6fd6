import {
  LifecycleService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import { OwnershipBackendConfig } from '../config';
import { OwnershipIndexer } from './OwnershipIndexer';

/**
 * Keeps every instance's index fresh: rebuilt on its schedule, as soon as
 * the catalog's entity count changes, and after the configured events.
 */
export async function scheduleIndexRefresh(options: {
  scheduler: SchedulerService;
  events: EventsService;
  lifecycle: LifecycleService;
  logger: LoggerService;
  indexer: OwnershipIndexer;
  settings: OwnershipBackendConfig;
}): Promise<void> {
  const { scheduler, events, logger, indexer, settings } = options;
  await scheduler.scheduleTask({
    id: 'ownership-index-refresh',
    ...settings.schedule,
    fn: async () => {
      await indexer.refresh();
    },
  });

  // Right after a start the catalog is still loading; a cheap count
  // every few seconds builds the index as soon as it has entities, and
  // rebuilds it soon after entities are added or removed.
  await scheduler.scheduleTask({
    id: 'ownership-index-change-check',
    frequency: { milliseconds: settings.changeCheckMs },
    timeout: settings.schedule.timeout,
    scope: 'local',
    fn: async () => {
      await indexer.checkForChanges();
    },
  });

  if (settings.eventTopics.length) {
    // Best effort: without events the schedule still keeps the index fresh.
    try {
      await events.subscribe({
        id: 'ownership-index',
        topics: settings.eventTopics,
        onEvent: async () => indexer.refreshSoon(settings.eventDelayMs),
      });
    } catch (error) {
      logger.warn(
        `Not refreshing the ownership index on events (${settings.eventTopics.join(
          ', ',
        )}): ${error}`,
      );
    }
  }
  options.lifecycle.addShutdownHook(() => indexer.stop());
}
