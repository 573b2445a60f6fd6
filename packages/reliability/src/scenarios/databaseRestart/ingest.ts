import { sleep } from '../../lib/children';
import { Answer, call, errorMessage } from '../../lib/http';
import { BackendSettings } from '../../lib/fixtures';
import {
  PrivatePostgres,
  startPrivatePostgres,
} from '../../lib/privatePostgres';
import { ScenarioReport } from '../../lib/report';
import { Sample } from '../../lib/samples';
import {
  Api,
  databasePrefix,
  describe,
  newBackendSettings,
  Resources,
  startSuiteBackend,
} from '../../suite/context';
import { MINUTE } from '../../lib/scenario';

export const CLIENTS = 3;
export const BATCH = 60; // samples (minutes) per batch
export const BATCHES_PER_SERIES = 48; // 48 × 60 minutes = 2 days
export const RESTARTS = 2;
/** Longer than the evaluation frequency, so a scheduled run falls due while the database is away. */
export const DOWN_MS = 6_000;
export const FREQUENCY_MS = 5_000;
/** "Within seconds": a bound on the time from the database accepting queries to the first acknowledged batch. */
export const RECOVERY_BOUND_MS = 10_000;
export const MESSAGE =
  'The database is unavailable; try again in a few seconds';

export interface Batch {
  samples: Sample[];
  acknowledged: boolean;
}

export interface Outage {
  down: number;
  up: number;
  recoveryMs?: number;
}

export function makeBatch(base: number, client: number, index: number): Batch {
  const series = `db/c${client}/${Math.floor(index / BATCHES_PER_SERIES)}`;
  const first = base + (index % BATCHES_PER_SERIES) * BATCH;
  return {
    acknowledged: false,
    samples: Array.from({ length: BATCH }, (_, i) => {
      const total = 100 + ((client * 11 + index * 7 + i) % 40);
      return {
        series,
        timestamp: (first + i) * MINUTE,
        good: total - ((client + index + i) % 4),
        total,
      };
    }),
  };
}

/** The backend on a private PostgreSQL, the batches its clients pushed and what they saw. */
export interface Ingest {
  report: ScenarioReport;
  pg: PrivatePostgres;
  settings: BackendSettings;
  sloDatabase: string;
  api: Api;
  pid: number;
  base: number;
  batches: Batch[];
  /** When each batch was acknowledged. */
  acks: number[];
  unexpected: string[];
  /** 503 answers by Retry-After and message. */
  retryAfter: Map<string, number>;
  unavailable: number;
  serverErrors: number;
  noAnswer: number;
  stopping: boolean;
}

export async function startIngest(
  report: ScenarioReport,
  resources: Resources,
): Promise<Ingest> {
  const pg = await startPrivatePostgres();
  resources.add(() => pg.destroy());
  const settings = await newBackendSettings(resources, 'database', {
    postgres: pg.settings,
    // The private server goes with its data: nothing to drop on the shared one.
    databasePrefix: databasePrefix('database'),
    slo: {
      evaluation: { cacheTtl: '1s', frequency: `${FREQUENCY_MS / 1000}s` },
    },
  });
  const sloDatabase = `${settings.databasePrefix}slo`;
  const api = await startSuiteBackend(resources, 'database', settings);
  const pid = api.backend.pid;
  report.note(
    `private PostgreSQL on 127.0.0.1:${pg.settings.port}; backend ${
      api.url
    } (pid ${pid}) on database ${sloDatabase}, slo.evaluation.frequency ${
      FREQUENCY_MS / 1000
    }s`,
  );
  return {
    report,
    pg,
    settings,
    sloDatabase,
    api,
    pid,
    base: Math.floor(Date.now() / MINUTE) - BATCH * BATCHES_PER_SERIES,
    batches: [],
    acks: [],
    unexpected: [],
    retryAfter: new Map(),
    unavailable: 0,
    serverErrors: 0,
    noAnswer: 0,
    stopping: false,
  };
}

/** One client: pushes batch after batch until told to stop, each until acknowledged. */
export async function push(ingest: Ingest, c: number) {
  const { report, retryAfter, unexpected } = ingest;
  for (let index = 0; !ingest.stopping; index++) {
    const batch = makeBatch(ingest.base, c, index);
    ingest.batches.push(batch);
    // Until acknowledged; eagerly (100 ms), not after Retry-After, to time the recovery.
    while (!batch.acknowledged) {
      const a: Answer = await call(`${ingest.api.url}/api/slo/v1/samples`, {
        token: ingest.settings.token,
        json: { samples: batch.samples },
        timeoutMs: 15_000,
      });
      report.add('requests');
      if (a.status === 202 && a.body?.accepted === BATCH) {
        batch.acknowledged = true;
        ingest.acks.push(Date.now());
        report.add('acknowledged', BATCH);
        continue;
      }
      if (a.status === 503) {
        ingest.unavailable++;
        const key = `Retry-After ${a.headers['retry-after']}, "${errorMessage(
          a,
        )}"`;
        retryAfter.set(key, (retryAfter.get(key) ?? 0) + 1);
      } else if (a.status === 0) {
        ingest.noAnswer++;
        unexpected.push(describe(a));
      } else {
        if (a.status >= 500) ingest.serverErrors++;
        unexpected.push(describe(a));
      }
      await sleep(100);
    }
  }
}
