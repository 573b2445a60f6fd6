import { sleep } from '../../lib/children';
import { Answer, call } from '../../lib/http';
import { ScenarioReport } from '../../lib/report';
import { Sample } from '../../lib/samples';
import { BackendSettings } from '../../lib/fixtures';
import {
  Api,
  describe,
  newBackendSettings,
  Resources,
  startSuiteBackend,
} from '../../suite/context';
import { MINUTE } from '../../lib/scenario';

export const CLIENTS = 4;
export const BATCH = 240; // samples (minutes) per batch
export const BATCHES_PER_SERIES = 18; // 18 × 240 minutes = 3 days
export const KILLS = 2;

export interface Batch {
  client: number;
  index: number;
  samples: Sample[];
  acknowledged: boolean;
  attempts: number;
  /** An attempt is on the wire right now. */
  inFlight: boolean;
}

/** Batch `index` of client `client`: deterministic, distinct minutes per series. */
export function makeBatch(base: number, client: number, index: number): Batch {
  const series = `crash/c${client}/${Math.floor(index / BATCHES_PER_SERIES)}`;
  const first = base + (index % BATCHES_PER_SERIES) * BATCH;
  const samples = Array.from({ length: BATCH }, (_, i) => {
    const total = 100 + ((client * 7 + index * 13 + i) % 50);
    return {
      series,
      timestamp: (first + i) * MINUTE,
      good: total - ((client + index + i) % 3),
      total,
    };
  });
  return {
    client,
    index,
    samples,
    acknowledged: false,
    attempts: 0,
    inFlight: false,
  };
}

/** The backend under test, the batches its clients pushed and what they saw. */
export interface Ingest {
  report: ScenarioReport;
  settings: BackendSettings;
  sloDatabase: string;
  api: Api;
  port: number;
  base: number;
  batches: Batch[];
  failures: string[];
  stopping: boolean;
  restarting: boolean;
  attemptsWithoutAnswer: number;
  notMountedYet: number;
  unexpected: number;
}

export async function startIngest(
  report: ScenarioReport,
  resources: Resources,
): Promise<Ingest> {
  const settings = await newBackendSettings(resources, 'crash', {
    slo: { evaluation: { cacheTtl: '1s', frequency: '1h' } },
  });
  const sloDatabase = `${settings.databasePrefix}slo`;
  const api = await startSuiteBackend(resources, 'crash-1', settings, {
    waitForCatalog: false,
  });
  report.note(
    `backend on PostgreSQL database ${sloDatabase}, started in ${(
      api.backend.startupMs / 1000
    ).toFixed(1)} s`,
  );
  return {
    report,
    settings,
    sloDatabase,
    api,
    port: Number(new URL(api.url).port),
    base: Math.floor(Date.now() / MINUTE) - BATCH * BATCHES_PER_SERIES,
    batches: [],
    failures: [],
    stopping: false,
    restarting: false,
    attemptsWithoutAnswer: 0,
    notMountedYet: 0,
    unexpected: 0,
  };
}

/** One client: pushes batch after batch until told to stop, each until acknowledged. */
export async function push(ingest: Ingest, c: number) {
  const { report } = ingest;
  for (let index = 0; !ingest.stopping; index++) {
    const batch = makeBatch(ingest.base, c, index);
    ingest.batches.push(batch);
    // Retry until acknowledged, as a pipeline would.
    while (!batch.acknowledged) {
      batch.attempts++;
      batch.inFlight = true;
      const a: Answer = await call(`${ingest.api.url}/api/slo/v1/samples`, {
        token: ingest.settings.token,
        json: { samples: batch.samples },
        timeoutMs: 10_000,
      });
      batch.inFlight = false;
      report.add('requests');
      if (a.status === 202 && a.body?.accepted === BATCH) {
        batch.acknowledged = true;
        report.add('acknowledged', BATCH);
      } else if (a.status === 0 || a.status >= 500) {
        ingest.attemptsWithoutAnswer++;
        await sleep(150);
      } else if (a.status === 404 && ingest.restarting) {
        // Backstage listens before every plugin is mounted: /api/slo is 404 until then.
        ingest.notMountedYet++;
        await sleep(150);
      } else {
        ingest.unexpected++;
        ingest.failures.push(`batch ${c}/${index}: ${describe(a)}`);
        await sleep(500);
      }
    }
  }
}
