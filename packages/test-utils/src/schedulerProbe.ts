import {
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';

/**
 * A backend module that hands a test the scheduler of plugin `pluginId`, so
 * the test can run that plugin's scheduled tasks when it chooses (with
 * Backstage's mock scheduler, nothing runs on a clock of its own).
 */
export function schedulerProbe(pluginId: string) {
  let scheduler: SchedulerService | undefined;
  const module = createBackendModule({
    pluginId,
    moduleId: 'test-scheduler-probe',
    register(env) {
      env.registerInit({
        deps: { s: coreServices.scheduler },
        async init({ s }) {
          scheduler = s;
        },
      });
    },
  });
  return {
    module,
    /** The plugin's scheduler, once the backend has started the plugin. */
    get scheduler(): SchedulerService {
      if (!scheduler) {
        throw new Error(`The test backend has not started plugin ${pluginId}`);
      }
      return scheduler;
    },
  };
}
