import { poll } from '@triad/test-utils';
import { SOURCE_TIMEOUT_MS } from '../scenarios/sourceOutage';
import {
  MainSetup,
  newBackendSettings,
  redisSettings,
  Resources,
  startPrometheusSetup,
  startSuiteBackend,
} from './context';

const write = (line = '') => process.stdout.write(`${line}\n`);

/** Starts the shared backend: PostgreSQL, Redis cache, Prometheus behind the proxy. */
export async function startMain(resources: Resources): Promise<MainSetup> {
  const prom = await startPrometheusSetup(resources);
  write(
    `  Prometheus ${prom.prometheus.url} over 4 days of back-filled data (${(
      prom.prometheus.startupMs / 1000
    ).toFixed(1)} s), proxy ${prom.proxy.url}`,
  );
  const settings = await newBackendSettings(resources, 'main', {
    prometheusUrl: prom.proxy.url,
    redis: redisSettings(`triad-reliability-${Date.now()}`),
    slo: {
      evaluation: {
        cacheTtl: '1s',
        timeout: `${SOURCE_TIMEOUT_MS / 1000}s`,
        frequency: '1h',
      },
    },
  });
  const api = await startSuiteBackend(resources, 'main', settings);
  write(
    `  backend ${api.url} (pid ${api.backend.pid}) ready in ${(
      api.backend.startupMs / 1000
    ).toFixed(1)} s; databases ${settings.databasePrefix}*`,
  );
  return { api, prom };
}

/**
 * The scheduled evaluation runs right after start, and again as soon as SLOs
 * come into the catalog after that; the outage and slow scenarios wait until
 * one has evaluated every SLO of the fixture, so that none counts among their
 * requests.
 */
export async function firstScheduledRun(setup: MainSetup) {
  const catalog = await setup.api.service(
    '/api/catalog/entities/by-query?filter=kind=slo&limit=1',
  );
  const total = Number(catalog.body?.totalItems);
  return poll(
    `a scheduled evaluation of all ${total} SLOs`,
    async () =>
      setup.api.backend
        .grep(/^Evaluated \d+ SLOs/)
        .some(l => Number(/^Evaluated (\d+)/.exec(l.message)?.[1]) === total)
        ? true
        : undefined,
    60_000,
    500,
  );
}
