import { constants, PerformanceObserver } from 'perf_hooks';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';

/**
 * Logs the backend process's memory (heap used now and after the latest full
 * collection, RSS) and active handles every
 * TRIAD_RELIABILITY_DIAGNOSTICS_MS milliseconds (nothing when unset), as a
 * `process diagnostics` line of the JSON log the suite already reads. The
 * soak uses it: measured inside the process, without an inspector attached,
 * and only a few bytes of log per sample.
 */
export const processDiagnosticsPlugin = createBackendPlugin({
  pluginId: 'reliability-diagnostics',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.rootLogger,
        lifecycle: coreServices.rootLifecycle,
      },
      async init({ logger, lifecycle }) {
        const intervalMs = Number(process.env.TRIAD_RELIABILITY_DIAGNOSTICS_MS);
        if (!(intervalMs > 0)) return;
        // Heap used right after the latest full (mark-compact) collection: the
        // live set, which is what grows with a leak. heapUsed at a random
        // moment mostly says how much garbage waits for the next collection.
        let heapAfterMajorGc: number | undefined;
        let majorGcs = 0;
        const gcObserver = new PerformanceObserver(list => {
          for (const entry of list.getEntries()) {
            // A gc entry's detail (Node 16+) is missing from the PerformanceEntry type.
            const { detail } = entry as { detail?: { kind?: number } };
            if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
              majorGcs++;
              heapAfterMajorGc = process.memoryUsage().heapUsed;
            }
          }
        });
        gcObserver.observe({ entryTypes: ['gc'] });
        const sample = () => {
          const memory = process.memoryUsage();
          // Timers are resources too; counted apart, as they come and go with requests in flight.
          const resources = process.getActiveResourcesInfo();
          const timers = resources.filter(r => r === 'Timeout').length;
          logger.info('process diagnostics', {
            heapUsed: memory.heapUsed,
            heapAfterMajorGc,
            majorGcs,
            heapTotal: memory.heapTotal,
            rss: memory.rss,
            handles: resources.length - timers,
            timers,
          });
        };
        const timer = setInterval(sample, intervalMs);
        timer.unref();
        lifecycle.addShutdownHook(() => {
          clearInterval(timer);
          gcObserver.disconnect();
        });
      },
    });
  },
});
