import { launchPrometheus } from '@triad/plugin-slo-backend-module-prometheus/testUtils';
import { existsSync } from 'fs';
import { createServer, Server } from 'http';
import { delimiter, join } from 'path';
import { CartCounters, cartMetricsText, cartOpenMetrics } from './cartTraffic';

const MINUTE = 60_000;
/** Days of history back-filled: a 28-day window and one day before it. */
export const HISTORY_DAYS = 29;

/** Debian's prometheus and promtool, or the first on PATH; undefined without them. */
export function findPrometheus():
  | { prometheus: string; promtool: string }
  | undefined {
  const find = (name: string) =>
    [
      `/usr/bin/${name}`,
      ...(process.env.PATH ?? '').split(delimiter).map(d => join(d, name)),
    ].find(p => p && existsSync(p));
  const prometheus = find('prometheus');
  const promtool = find('promtool');
  return prometheus && promtool ? { prometheus, promtool } : undefined;
}

/** A Prometheus serving the example cart-service's traffic on loopback. */
export interface ExamplePrometheus {
  url: string;
  /** Samples back-filled, and how long the back-fill and the start took (ms). */
  samples: number;
  backfillMs: number;
  startupMs: number;
  stop(): Promise<void>;
}

/** Serves the counters' current values for scraping on a loopback port. */
async function serveLiveCounters(
  counters: CartCounters,
): Promise<{ server: Server; port: number }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    res.end(cartMetricsText(counters.at(Math.floor(Date.now() / MINUTE))));
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve((server.address() as { port: number }).port),
    );
  });
  return { server, port };
}

function scrapeConfig(metricsPort: number): string {
  return [
    'global:',
    '  scrape_interval: 15s',
    'scrape_configs:',
    '  - job_name: cart-service',
    '    static_configs:',
    `      - targets: ['127.0.0.1:${metricsPort}']`,
    '    relabel_configs:',
    '      - target_label: instance',
    '        replacement: cart-service-1',
    '',
  ].join('\n');
}

/**
 * Back-fills the example traffic of the last {@link HISTORY_DAYS} days (one
 * sample a minute; promtool writes it as two large blocks, which takes well
 * under a second), serves the same counters for scraping from now on, and
 * starts Prometheus on a free loopback port over both.
 */
export async function startExamplePrometheus(binaries: {
  prometheus: string;
  promtool: string;
}): Promise<ExamplePrometheus> {
  const startMinute = Math.floor(Date.now() / MINUTE);
  const counters = new CartCounters(
    startMinute - HISTORY_DAYS * 1440,
    startMinute,
  );
  // The same counters, live: a scrape continues the back-filled series.
  const { server, port } = await serveLiveCounters(counters);
  const closeServer = () =>
    new Promise(resolve => server.close(() => resolve(undefined)));
  try {
    const prometheus = await launchPrometheus({
      ...binaries,
      openMetrics: cartOpenMetrics(counters, counters.origin, startMinute),
      config: scrapeConfig(port),
      // Keep the back-filled month (the default keeps 15 days).
      retention: '60d',
      backfillTimeoutMs: 120_000,
      // Blocks of a month instead of 2 h: hundreds fewer files to write.
      promtoolArgs: ['--max-block-duration=744h'],
    });
    return {
      url: prometheus.url,
      samples: (startMinute - counters.origin + 1) * 5,
      backfillMs: prometheus.backfillMs,
      startupMs: prometheus.startupMs,
      async stop() {
        await prometheus.stop();
        await closeServer();
      },
    };
  } catch (error) {
    await closeServer();
    throw error;
  }
}
