import { poll } from '@triad/test-utils';
import { BackendProcess, startBackend } from '../lib/backendProcess';
import { backendConfig, BackendSettings } from '../lib/fixtures';
import { call } from '../lib/http';
import { ScenarioReport } from '../lib/report';
import { describe, newBackendSettings, Resources } from '../suite/context';
import {
  ExampleCatalog,
  exampleCatalogConfig,
  readExampleCatalog,
} from './exampleConfig';
import { formatTables } from './formatTables';
import {
  PERIOD_MS,
  PUSH_MINUTES,
  runTraffic,
  sample,
  SoakCall,
  Traffic,
} from './traffic';
import {
  FlatCriterion,
  flatness,
  ProcessSample,
  WindowFigures,
  windowFigures,
} from './windows';
import { MINUTE } from '../lib/scenario';

/** The soak is cut into this many windows (10 minutes each in the hour-long run). */
export const WINDOWS = 6;
/** A scheduled evaluation of every SLO this often. */
const FREQUENCY_MS = 15_000;
const FREQUENCY = `${FREQUENCY_MS / 1000}s`;
/** Per-minute history pushed before the traffic starts: the longest example window is a month. */
const HISTORY_DAYS = 31;
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

async function run(
  report: ScenarioReport,
  resources: Resources,
  minutes: number,
) {
  const durationMs = minutes * MINUTE;
  const windowMs = durationMs / WINDOWS;
  const soakBackend = await startSoakBackend(report, resources, windowMs);
  await pushHistory(report, soakBackend);
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
  const traffic = await runTraffic({
    api: soakBackend.api,
    token: soakBackend.settings.token,
    example: soakBackend.example,
    durationMs,
  });
  const { requests } = traffic;
  report.add('requests', requests.length);
  report.add('serverErrors', requests.filter(r => !r.ok).length);
  const windows = windowFigures({
    start: traffic.start,
    windowMs,
    count: WINDOWS,
    requests,
    process: processSamples(soakBackend.backend),
    scheduledRuns: soakBackend.backend
      .grep(/^Evaluated \d+ SLOs/)
      .map(l => Date.parse(String(l.startedAt))),
  });
  for (const line of formatTables(windows, windowMs)) report.note(line);
  checkWindows(report, soakBackend.backend, traffic, windows, windowMs);
}

/** The soak's backend, on the example instance's catalog. */
interface SoakBackend {
  settings: BackendSettings;
  backend: BackendProcess;
  api: SoakCall;
  example: ExampleCatalog;
}

async function startSoakBackend(
  report: ScenarioReport,
  resources: Resources,
  windowMs: number,
): Promise<SoakBackend> {
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

  return { settings, backend, api, example };
}

/** History first, so that every window of every example SLO has data. */
async function pushHistory(
  report: ScenarioReport,
  { settings, backend, api, example }: SoakBackend,
) {
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
}

/** The heap, handles and timers the backend sampled inside itself. */
function processSamples(backend: BackendProcess): ProcessSample[] {
  return backend.grep(/^process diagnostics$/).map(l => ({
    at: l.at,
    heapUsed: Number(l.heapUsed),
    heapAfterMajorGc:
      l.heapAfterMajorGc === undefined ? undefined : Number(l.heapAfterMajorGc),
    majorGcs: Number(l.majorGcs),
    rss: Number(l.rss),
    handles: Number(l.handles),
    timers: Number(l.timers),
  }));
}

function checkWindows(
  report: ScenarioReport,
  backend: BackendProcess,
  { requests, failures }: Traffic,
  windows: WindowFigures[],
  windowMs: number,
) {
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
