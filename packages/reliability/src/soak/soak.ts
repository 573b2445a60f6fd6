import { poll } from '@triad/test-utils';
import { BackendProcess, startBackend } from '../lib/backendProcess';
import { sleep } from '../lib/children';
import { backendConfig } from '../lib/fixtures';
import { Answer, call } from '../lib/http';
import { ScenarioReport } from '../lib/report';
import { describe, newBackendSettings, Resources } from '../suite/context';
import { exampleCatalogConfig, readExampleCatalog } from './exampleConfig';
import { formatTables } from './formatTables';
import {
  FlatCriterion,
  flatness,
  ProcessSample,
  RequestSample,
  windowFigures,
} from './windows';

const MINUTE = 60_000;
/** The soak is cut into this many windows (10 minutes each in the hour-long run). */
export const WINDOWS = 6;
/** A scheduled evaluation of every SLO this often. */
const FREQUENCY_MS = 15_000;
const FREQUENCY = `${FREQUENCY_MS / 1000}s`;
/** Per-minute history pushed before the traffic starts: the longest example window is a month. */
const HISTORY_DAYS = 31;
/** How often each kind of traffic comes; every loop waits for its answers, so at most one of each is in flight. */
const PERIOD_MS = {
  page: 1_000,
  slo: 3_000,
  fleet: 5_000,
  lookup: 2_000,
  push: 2_000,
};
/** Minutes each push re-sends, as an exporter does for the minutes it is not sure were received. */
const PUSH_MINUTES = 5;
const LOOKUP_TERMS = ['checkout', 'payments', 'sre', 'catalog', 'platform'];
/** A user token is refreshed as the browser does, well before its hour is up. */
const USER_TOKEN_MS = 15 * MINUTE;
/** Live heap (after full collections) within 20 %, median handles and timers equal ±10. */
export const FLAT: FlatCriterion = { heapShare: 0.2, handles: 10, timers: 10 };

/**
 * The soak: the suite's backend with the example instance's catalog on
 * PostgreSQL, under bounded mixed traffic for `minutes` (page views, fleet,
 * ownership lookups, sample pushes, scheduled runs every 15 s). Measures
 * per window requests, errors, latency percentiles per kind of request and
 * the backend's heap and handles, sampled inside the process.
 */
export function soak(report: ScenarioReport, minutes: number) {
  return Resources.using(resources => run(report, resources, minutes));
}

/** Synthetic per-minute counts of one series: 0.2 % errors, one bad minute an hour. */
function sample(series: string, minute: number) {
  const total = 1000 + (minute % 37);
  const bad = minute % 60 === 17 ? 40 : 2;
  return { series, timestamp: minute * MINUTE, good: total - bad, total };
}

async function run(
  report: ScenarioReport,
  resources: Resources,
  minutes: number,
) {
  const durationMs = minutes * MINUTE;
  const windowMs = durationMs / WINDOWS;
  // 60 samples per window, at least one every 10 s.
  const diagnosticsMs = Math.min(10_000, Math.round(windowMs / 60));
  const settings = await newBackendSettings(resources, 'soak', {
    slo: { evaluation: { frequency: FREQUENCY } },
  });
  const catalogConfig = await exampleCatalogConfig();
  const example = await readExampleCatalog(catalogConfig.locations);
  const config = await backendConfig(settings);
  const backend: BackendProcess = await startBackend({
    name: 'soak',
    config: {
      ...config,
      catalog: catalogConfig,
      auth: {
        ...config.auth,
        providers: {
          guest: {
            userEntityRef: 'user:default/guest',
            dangerouslyAllowOutsideDevelopment: true,
          },
        },
      },
    },
    env: { TRIAD_RELIABILITY_DIAGNOSTICS_MS: String(diagnosticsMs) },
  });
  resources.add(() => backend.stop());
  const api = (path: string, options: Parameters<typeof call>[1] = {}) =>
    call(backend.url + path, { timeoutMs: 30_000, ...options });
  report.note(
    `backend ${backend.url} (pid ${backend.pid}) on databases ${
      settings.databasePrefix
    }*, the example catalog (${example.components.length} components, ${
      example.slos.length
    } SLOs on ${
      example.series.length
    } built-in series), slo.evaluation.frequency ${FREQUENCY}; process diagnostics every ${
      diagnosticsMs / 1000
    } s`,
  );

  // History first, so that every window of every example SLO has data.
  const now = Math.floor(Date.now() / MINUTE);
  const history = [];
  for (let m = now - HISTORY_DAYS * 1440; m < now; m++) {
    for (const s of example.series) history.push(sample(s, m));
  }
  for (let i = 0; i < history.length; i += 10_000) {
    const batch = history.slice(i, i + 10_000);
    const a = await api('/api/slo/v1/samples', {
      token: settings.token,
      json: { samples: batch },
      timeoutMs: 120_000,
    });
    if (a.status !== 202 || a.body?.accepted !== batch.length) {
      throw new Error(`pushing the history failed: ${describe(a)}`);
    }
  }
  await poll(
    'the ownership index and a scheduled evaluation of every example SLO',
    async () => {
      const fleet = await api('/api/slo/v1/slos', { token: settings.token });
      const owned = await api(
        `/api/ownership/v1/entities/component/default/${example.components[0]}`,
        { token: settings.token },
      );
      return fleet.status === 200 &&
        fleet.body.totalItems === example.slos.length &&
        owned.status === 200
        ? true
        : undefined;
    },
    120_000,
    1_000,
  );
  report.note(
    `${
      history.length
    } samples of history (${HISTORY_DAYS} days) pushed; ready ${(
      backend.startupMs / 1000
    ).toFixed(1)} s after start`,
  );

  const requests: RequestSample[] = [];
  const failures: string[] = [];
  const record = (kind: string, answer: Answer, ok: boolean) => {
    requests.push({ at: Date.now(), kind, ms: answer.ms, ok });
    if (!ok && failures.length < 10) {
      failures.push(`${kind}: ${describe(answer)}`);
    }
  };

  let userToken = '';
  let userTokenAt = 0;
  const user = async () => {
    if (Date.now() - userTokenAt > USER_TOKEN_MS) {
      const a = await api('/api/auth/guest/refresh?env=development', {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      const token = a.body?.backstageIdentity?.token;
      record('sign-in', a, a.status === 200 && typeof token === 'string');
      if (typeof token === 'string') {
        userToken = token;
        userTokenAt = Date.now();
      }
    }
    return userToken;
  };
  const get = async (kind: string, path: string) => {
    const a = await api(path, { token: await user() });
    record(kind, a, a.status === 200 && typeof a.body === 'object');
  };

  const start = Date.now();
  const end = start + durationMs;
  /** Runs `tick` every `periodMs` until the end; a late tick is not made up for. */
  const every = async (
    periodMs: number,
    tick: (i: number) => Promise<void>,
  ) => {
    for (let i = 0, next = Date.now(); next < end; i++) {
      await tick(i);
      next = Math.max(next + periodMs, Date.now());
      if (next < end) await sleep(next - Date.now());
    }
  };
  const pick = <T>(items: T[], i: number) => items[i % items.length];

  report.tried(
    `${minutes} minutes of traffic on loopback: an entity page every ${
      PERIOD_MS.page / 1000
    } s (its SLOs, budget policy and ownership, at once), an SLO page every ${
      PERIOD_MS.slo / 1000
    } s (SLO, history, timeline), the fleet list every ${
      PERIOD_MS.fleet / 1000
    } s, an ownership lookup every ${
      PERIOD_MS.lookup / 1000
    } s, a push of the last ${PUSH_MINUTES} minutes of every series every ${
      PERIOD_MS.push / 1000
    } s; windows of ${windowMs / MINUTE} minutes`,
  );
  await Promise.all([
    every(PERIOD_MS.page, async i => {
      const ref = `component/default/${pick(example.components, i)}`;
      await Promise.all([
        get('entity SLOs', `/api/slo/v1/entities/${ref}/slos`),
        get('entity policy', `/api/slo/v1/entities/${ref}/policy`),
        get('entity ownership', `/api/ownership/v1/entities/${ref}`),
      ]);
    }),
    every(PERIOD_MS.slo, async i => {
      const slo = `/api/slo/v1/slos/default/${pick(example.slos, i)}`;
      await Promise.all([
        get('SLO', slo),
        get('SLO history', `${slo}/history`),
        get('SLO timeline', `${slo}/timeline`),
      ]);
    }),
    every(PERIOD_MS.fleet, () => get('fleet', '/api/slo/v1/slos')),
    every(PERIOD_MS.lookup, i =>
      get('lookup', `/api/ownership/v1/lookup?q=${pick(LOOKUP_TERMS, i)}`),
    ),
    every(PERIOD_MS.push, async () => {
      const last = Math.floor(Date.now() / MINUTE);
      const samples = example.series.flatMap(s =>
        Array.from({ length: PUSH_MINUTES }, (_, k) => sample(s, last - k)),
      );
      const a = await api('/api/slo/v1/samples', {
        token: settings.token,
        json: { samples },
      });
      record(
        'push',
        a,
        a.status === 202 && a.body?.accepted === samples.length,
      );
    }),
  ]);
  report.add('requests', requests.length);
  report.add('serverErrors', requests.filter(r => !r.ok).length);

  const processSamples: ProcessSample[] = backend
    .grep(/^process diagnostics$/)
    .map(l => ({
      at: l.at,
      heapUsed: Number(l.heapUsed),
      heapAfterMajorGc:
        l.heapAfterMajorGc === undefined
          ? undefined
          : Number(l.heapAfterMajorGc),
      majorGcs: Number(l.majorGcs),
      rss: Number(l.rss),
      handles: Number(l.handles),
      timers: Number(l.timers),
    }));
  const runs = backend
    .grep(/^Evaluated \d+ SLOs/)
    .map(l => Date.parse(String(l.startedAt)));
  const windows = windowFigures({
    start,
    windowMs,
    count: WINDOWS,
    requests,
    process: processSamples,
    scheduledRuns: runs,
  });
  for (const line of formatTables(windows, windowMs)) report.note(line);

  const errors = requests.filter(r => !r.ok).length;
  const errorLogs = backend.logs.filter(l => l.level === 'error');
  report.held(
    'every request answered 2xx with the expected body; no error in the backend log',
    errors === 0 && errorLogs.length === 0 && requests.length > 0,
    `${requests.length} requests, ${errors} errors${
      failures.length ? ` (${failures.join('; ')})` : ''
    }; ${errorLogs.length} error log lines${
      errorLogs.length ? `, e.g. ${errorLogs[0].message}` : ''
    }`,
  );
  const expectedRuns = windowMs / FREQUENCY_MS;
  report.held(
    'the scheduled evaluation keeps running in every window',
    windows.every(w => w.scheduledRuns >= expectedRuns / 2),
    `runs per window ${windows
      .map(w => w.scheduledRuns)
      .join(', ')} (one every ${FREQUENCY} would be ${expectedRuns})`,
  );
  const flat = flatness(windows, FLAT);
  report.held(
    `heap and handles flat after warm-up (last window against the first after it: live heap after full collections within ${
      FLAT.heapShare * 100
    } %, median handles and timers equal ±${FLAT.handles})`,
    flat.held && backend.alive(),
    `live heap ${(flat.heapChange * 100).toFixed(1)} %, handles ${
      flat.handlesChange >= 0 ? '+' : ''
    }${flat.handlesChange}, timers ${flat.timersChange >= 0 ? '+' : ''}${
      flat.timersChange
    }; backend pid ${backend.pid} ${
      backend.alive() ? 'still running' : 'gone'
    }`,
  );
}
