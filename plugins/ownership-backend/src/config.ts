import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import {
  OwnershipRole,
  parseOwnershipRoles,
} from '@triad/plugin-ownership-common';

/** The settings of the ownership backend, see config.d.ts. */
export interface OwnershipBackendConfig {
  roles: OwnershipRole[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  eventTopics: string[];
  eventDelayMs: number;
  /** How often to compare the catalog's entity count with the index's. */
  changeCheckMs: number;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 2 },
};

const DEFAULT_EVENT_TOPICS = ['github.push', 'gitlab.push'];

const DEFAULT_EVENT_DELAY_MS = 30_000;

const DEFAULT_CHANGE_CHECK_MS = 10_000;

export function readOwnershipBackendConfig(
  config: Config,
): OwnershipBackendConfig {
  const scheduleConfig = config.getOptionalConfig('ownership.index.schedule');
  const delayKey = 'ownership.index.events.delay';
  const checkKey = 'ownership.index.changeCheck.frequency';
  return {
    roles: parseOwnershipRoles(config.getOptional('ownership.roles')),
    schedule: {
      ...(scheduleConfig
        ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
        : DEFAULT_SCHEDULE),
      // Every instance holds its own index in memory, so every instance
      // refreshes it.
      scope: 'local',
    },
    eventTopics:
      config.getOptionalStringArray('ownership.index.events.topics') ??
      DEFAULT_EVENT_TOPICS,
    eventDelayMs: config.has(delayKey)
      ? readMilliseconds(config, delayKey)
      : DEFAULT_EVENT_DELAY_MS,
    changeCheckMs: config.has(checkKey)
      ? positive(readMilliseconds(config, checkKey), checkKey)
      : DEFAULT_CHANGE_CHECK_MS,
  };
}

function positive(ms: number, key: string): number {
  if (ms < 1000) {
    throw new InputError(`${key}: must be at least one second`);
  }
  return ms;
}

// Months and years have no fixed length; a delay or check interval never
// needs them.
function readMilliseconds(config: Config, key: string): number {
  const duration = readDurationFromConfig(config, { key });
  if (duration.years || duration.months) {
    throw new InputError(`${key}: give the duration in weeks or smaller units`);
  }
  return durationToMilliseconds(duration);
}
