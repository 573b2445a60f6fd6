import { InputError } from '@backstage/errors';
import { durationToMs } from '@triad/plugin-slo-common';
import { ResolvedDataSource } from '@triad/plugin-slo-node';

/** How to reach one Prometheus-compatible API. */
export interface PrometheusConnection {
  name: string;
  /** Base URL without credentials or trailing slash, e.g. `http://mimir/prometheus`. */
  baseUrl: string;
  /** Request headers, including authorization; never log them. */
  headers: Record<string, string>;
  /** The source's own `timeout`, when configured. */
  timeoutMs?: number;
}

/**
 * Reads a data source's settings: an `slo.dataSources[]` entry of app-config
 * or a catalog DataSource's `connectionDetails` (which may say `url`).
 */
export function readConnection(
  source: ResolvedDataSource,
): PrometheusConnection {
  const { config } = source;
  const where = `Prometheus data source "${source.name}"`;
  const raw = config.baseUrl ?? config.url;
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new InputError(
      `${where} has no baseUrl; set it to the Prometheus HTTP API root, e.g. http://prometheus:9090`,
    );
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new InputError(`${where} has an invalid baseUrl "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`${where} needs an http or https baseUrl`);
  }

  const headers: Record<string, string> = {};
  // fetch refuses URLs with credentials: move them into a Basic header.
  if (url.username || url.password) {
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    headers.Authorization = `Basic ${Buffer.from(
      `${user}:${password}`,
    ).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  if (config.headers !== undefined) {
    if (typeof config.headers !== 'object' || config.headers === null) {
      throw new InputError(`${where}: headers must be a map of strings`);
    }
    for (const [name, value] of Object.entries(config.headers)) {
      if (typeof value !== 'string') {
        throw new InputError(`${where}: header ${name} must be a string`);
      }
      headers[name] = value;
    }
  }
  if (config.bearerToken !== undefined) {
    if (typeof config.bearerToken !== 'string' || !config.bearerToken) {
      throw new InputError(`${where}: bearerToken must be a non-empty string`);
    }
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'authorization') delete headers[name];
    }
    headers.Authorization = `Bearer ${config.bearerToken}`;
  }

  let timeoutMs: number | undefined;
  if (config.timeout !== undefined) {
    try {
      timeoutMs = durationToMs(String(config.timeout));
    } catch {
      throw new InputError(
        `${where}: timeout "${config.timeout}" is not a duration such as 10s`,
      );
    }
  }

  return {
    name: source.name,
    baseUrl: url.toString().replace(/\/+$/, ''),
    headers,
    timeoutMs,
  };
}
