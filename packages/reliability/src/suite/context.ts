import {
  RunningPrometheus,
  startPrometheus,
  SyntheticData,
  syntheticData,
} from '@triad/plugin-slo-backend-module-prometheus/testUtils';
import { randomBytes } from 'crypto';
import { mkdtemp, rm } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';
import { BackendProcess, startBackend } from '../lib/backendProcess';
import { FaultProxy, startFaultProxy } from '../lib/faultProxy';
import { backendConfig, BackendSettings, newToken } from '../lib/fixtures';
import { poll } from '@triad/test-utils';
import { Answer, call } from '../lib/http';
import { dropDatabases, postgresSettings } from '../lib/postgres';

const MINUTE = 60_000;

/** A unique database prefix for one backend (or one replica set) of this run. */
export function databasePrefix(name: string): string {
  return `triad_rel_${randomBytes(3).toString('hex')}_${name}_`;
}

export function redisSettings(namespace: string) {
  return {
    url: process.env.TRIAD_TEST_REDIS ?? 'redis://127.0.0.1:6379',
    namespace,
  };
}

/** Resources a scenario started, released in reverse order. */
export class Resources {
  private readonly releases: Array<() => Promise<unknown>> = [];

  add(release: () => Promise<unknown>) {
    this.releases.push(release);
  }

  async releaseAll() {
    for (const release of this.releases.reverse()) {
      try {
        await release();
      } catch (error) {
        process.stdout.write(`  (cleanup: ${error})\n`);
      }
    }
    this.releases.length = 0;
  }

  /** Runs `fn` with resources of its own, released when it ends however it ends. */
  static async using<T>(fn: (resources: Resources) => Promise<T>): Promise<T> {
    const resources = new Resources();
    try {
      return await fn(resources);
    } finally {
      await resources.releaseAll();
    }
  }
}

/** Settings for a backend of this run, with its own folder and databases. */
export async function newBackendSettings(
  resources: Resources,
  name: string,
  extra: Partial<BackendSettings> = {},
): Promise<BackendSettings> {
  const dir = await mkdtemp(join(tmpdir(), `triad-reliability-${name}-`));
  const prefix = extra.databasePrefix ?? databasePrefix(name);
  resources.add(() => rm(dir, { recursive: true, force: true }));
  if (!extra.databasePrefix) resources.add(() => dropDatabases(prefix));
  return {
    token: newToken(),
    dir,
    databasePrefix: prefix,
    postgres: postgresSettings(),
    ...extra,
  };
}

/** Calls on one backend, as the suite (service token), a user, or nobody. */
export class Api {
  constructor(readonly backend: BackendProcess, readonly token: string) {}

  private userToken?: string;

  get url() {
    return this.backend.url;
  }

  service(path: string, options: Parameters<typeof call>[1] = {}) {
    return call(this.url + path, { token: this.token, ...options });
  }

  async user(path: string, options: Parameters<typeof call>[1] = {}) {
    return call(this.url + path, {
      token: await this.userTokenOf(),
      ...options,
    });
  }

  anonymous(path: string, options: Parameters<typeof call>[1] = {}) {
    return call(this.url + path, options);
  }

  /** A user token for alice, from the guest provider. */
  async userTokenOf(): Promise<string> {
    if (!this.userToken) {
      const answer = await call(
        `${this.url}/api/auth/guest/refresh?env=development`,
        { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
      );
      const token = answer.body?.backstageIdentity?.token;
      if (typeof token !== 'string') {
        throw new Error(`no guest token: ${answer.status} ${answer.text}`);
      }
      this.userToken = token;
    }
    return this.userToken;
  }

  /** Waits until the catalog and the ownership index hold the fixture. */
  async waitForCatalog(timeoutMs = 60_000): Promise<void> {
    await poll(
      'the catalog to stitch the fixture',
      async () => {
        const hidden = await this.service(
          '/api/catalog/entities/by-name/component/default/svc-hidden',
        );
        const slo = await this.service(
          '/api/catalog/entities/by-name/component/default/svc-builtin',
        );
        const measured = (slo.body?.relations ?? []).filter(
          (r: { type: string }) => r.type === 'measuredBy',
        ).length;
        return hidden.status === 200 && measured === 2 ? true : undefined;
      },
      timeoutMs,
    );
    await poll(
      'the ownership index',
      async () => {
        const a = await this.service(
          '/api/ownership/v1/entities/component/default/svc-hidden',
        );
        return a.status === 200 ? true : undefined;
      },
      timeoutMs,
    );
  }
}

/** Starts a backend of the suite with the fixture catalog and waits for it. */
export async function startSuiteBackend(
  resources: Resources,
  name: string,
  settings: BackendSettings,
  options: {
    port?: number;
    waitForCatalog?: boolean;
    clockOffsetSeconds?: number;
  } = {},
): Promise<Api> {
  const backend = await startBackend({
    name,
    config: await backendConfig(settings),
    port: options.port,
    clockOffsetSeconds: options.clockOffsetSeconds,
  });
  resources.add(() => backend.stop());
  const api = new Api(backend, settings.token);
  if (options.waitForCatalog ?? true) await api.waitForCatalog();
  return api;
}

/** A real Prometheus over known data, behind the suite's fault proxy. */
export interface PrometheusSetup {
  data: SyntheticData;
  prometheus: RunningPrometheus;
  proxy: FaultProxy;
  /** Stops Prometheus (the process exits; nothing listens any more). */
  stop(): Promise<void>;
  /** Starts a new Prometheus over the same data and points the proxy at it. */
  restart(): Promise<number>;
}

export async function startPrometheusSetup(
  resources: Resources,
): Promise<PrometheusSetup> {
  // Four days of per-minute data ending a minute ago: the SLO window is 1 day.
  const data = syntheticData(
    Math.floor(Date.now() / MINUTE) * MINUTE - MINUTE,
    4,
  );
  let prometheus = await startPrometheus(data.openMetrics);
  const proxy = await startFaultProxy(prometheus.url);
  const setup: PrometheusSetup = {
    data,
    prometheus,
    proxy,
    stop: () => prometheus.stop(),
    async restart() {
      prometheus = await startPrometheus(data.openMetrics);
      setup.prometheus = prometheus;
      proxy.target = prometheus.url;
      return prometheus.startupMs;
    },
  };
  resources.add(() => proxy.close());
  resources.add(() => setup.prometheus.stop());
  return setup;
}

/** The shared backend of the outage, slow-source, hostile-input and permission scenarios. */
export interface MainSetup {
  api: Api;
  prom: PrometheusSetup;
}

/** Short description of an answer for the report. */
export function describe(answer: Answer): string {
  if (answer.status === 0) return `no answer (${answer.failure})`;
  const message = answer.body?.error?.message;
  return `${answer.status}${
    message ? ` "${String(message).slice(0, 160)}"` : ''
  }`;
}
