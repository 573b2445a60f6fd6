import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  ownership?: {
    /**
     * The roles entities are resolved for. Replaces the defaults (devops,
     * sre, platform) when given; must match the catalog module's roles (both
     * read this key). `devops` falls back to `spec.owner`; `platform` can be
     * derived from platform-team-owned resources.
     */
    roles?: Array<{
      /** Letters and digits, starting with a lower-case letter. */
      id: string;
      title?: string;
      description?: string;
    }>;
    index?: {
      /**
       * How often each backend instance rebuilds its in-memory index from the
       * catalog. Default: every 5 minutes, timing out after 2 minutes. The
       * task always runs on every instance (scope local).
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      changeCheck?: {
        /**
         * How often each backend instance asks the catalog how many entities
         * the index would hold (one count query), rebuilding when the number
         * differs from the index's: the index is built as soon as the catalog
         * has loaded entities after a start, and again soon after entities are
         * added or removed. Edits that keep the count wait for `schedule` or
         * an event. Default: 10 seconds; at least one second.
         */
        frequency?:
          | string
          | {
              weeks?: number;
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
              milliseconds?: number;
            };
      };
      events?: {
        /**
         * Event topics after which the index is rebuilt, e.g. the push events
         * that make the catalog re-read entity files. Default: github.push,
         * gitlab.push. An empty list turns event-driven refresh off.
         */
        topics?: string[];
        /**
         * How long after an event to rebuild, so that the catalog has
         * processed the change first; events until then share one rebuild.
         * Default: 30 seconds.
         */
        delay?:
          | string
          | {
              weeks?: number;
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
              milliseconds?: number;
            };
      };
    };
  };
}
