import { existsSync } from 'fs';
import { launchPrometheus } from './launchPrometheus';

/** Options of {@link startPrometheus}. */
export interface StartPrometheusOptions {
  /** Where the binaries are: Debian's `prometheus` package by default. */
  prometheus?: string;
  promtool?: string;
  /** How long `promtool` may take to back-fill; 60 s by default. */
  backfillTimeoutMs?: number;
}

/** A Prometheus serving back-filled data on loopback. */
export interface RunningPrometheus {
  url: string;
  /** How long back-fill and start took, in ms. */
  startupMs: number;
  /** Stops the server (SIGTERM, then SIGKILL) and deletes its data. */
  stop(): Promise<void>;
}

/**
 * Back-fills `openMetrics` (OpenMetrics text ending in `# EOF`, timestamps
 * in seconds, all in the past) into a fresh TSDB with `promtool`, then
 * starts Debian's Prometheus on it, on a free loopback port, with no scrape
 * targets. Fails, never skips, when Prometheus is not installed.
 */
export async function startPrometheus(
  openMetrics: string,
  options: StartPrometheusOptions = {},
): Promise<RunningPrometheus> {
  const prometheus = options.prometheus ?? '/usr/bin/prometheus';
  const promtool = options.promtool ?? '/usr/bin/promtool';
  for (const bin of [prometheus, promtool]) {
    if (!existsSync(bin)) {
      throw new Error(
        `${bin} is missing: the Prometheus integration tests need Debian's prometheus package ` +
          `(apt-get install prometheus; .ci/run installs it)`,
      );
    }
  }
  const { url, startupMs, stop } = await launchPrometheus({
    prometheus,
    promtool,
    openMetrics,
    config: 'scrape_configs: []\n',
    retention: '400d',
    backfillTimeoutMs: options.backfillTimeoutMs ?? 60_000,
    prometheusArgs: ['--web.enable-lifecycle'],
  });
  return { url, startupMs, stop };
}
