import { seed } from '../../corpus/mutate';
import { call } from '../../lib/http';
import { ScenarioReport } from '../../lib/report';
import { MainSetup } from '../../suite/context';
import { hostileDocuments } from './hostileDocuments';
import { hostileParameters } from './hostileParameters';
import { hostileRawPayloads } from './hostileRawPayloads';
import { hostileSampleBodies } from './hostileSampleBodies';
import { Tally } from './Tally';

/**
 * 5. Hostile input: malformed OpenSLO documents and ownership blocks (through
 * the catalog's validate-entity, i.e. the processors that ingestion runs),
 * hostile parameters on every SLO and ownership endpoint, hostile ingest
 * bodies and oversized payloads. Every one must get a 4xx or a processing
 * error that names the problem, never a 5xx, and the backend must stay up.
 */
export async function hostileInput(setup: MainSetup, report: ScenarioReport) {
  const { api } = setup;
  const runSeed = seed();
  report.tried(
    `generated inputs with fast-check seed ${runSeed} (TRIAD_RELIABILITY_SEED=${runSeed} repeats them)`,
  );
  const now = Date.now();
  const tallies: Tally[] = [
    ...(await hostileDocuments(api, runSeed)),
    await hostileParameters(api, runSeed),
    await hostileSampleBodies(api, runSeed, now),
    await hostileRawPayloads(api, now),
  ];
  reportTallies(report, tallies);
  await reportBackendUp(report, api);
}

/** What held, per category and in all. */
function reportTallies(report: ScenarioReport, tallies: Tally[]) {
  let total = 0;
  let serverErrors = 0;
  for (const t of tallies) {
    total += t.tried;
    serverErrors += t.serverErrors;
    report.held(
      t.name,
      t.failures.length === 0,
      `${t.summary()}; ${t.named} refused naming the problem${
        t.failures.length
          ? `; ${t.failures.length} not: ${t.failures.slice(0, 4).join(' || ')}`
          : ''
      }`,
    );
  }
  report.add('inputs', total);
  report.add('requests', total);
  report.add('serverErrors', serverErrors);
  report.held(
    'zero 5xx answers',
    serverErrors === 0,
    `${serverErrors} of ${total}`,
  );
}

/** The backend answers its liveness check and logged no uncaught error. */
async function reportBackendUp(report: ScenarioReport, api: MainSetup['api']) {
  const live = await call(`${api.url}/.backstage/health/v1/liveness`);
  const errors = api.backend.logs.filter(
    l => l.level === 'error' && /uncaught|unhandled/i.test(l.message),
  );
  report.held(
    'the backend stayed up',
    api.backend.alive() && live.status === 200 && errors.length === 0,
    `pid ${api.backend.pid} alive: ${api.backend.alive()}, liveness ${
      live.status
    }, ${errors.length} uncaught errors logged`,
  );
}
