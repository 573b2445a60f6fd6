import { sleep } from '../../lib/children';
import { withDatabase } from '../../lib/postgres';
import { ScenarioReport } from '../../lib/report';
import { clientsFinished } from '../../lib/samples';
import { Resources, startSuiteBackend } from '../../suite/context';
import {
  Ingest,
  Batch,
  CLIENTS,
  BATCH,
  KILLS,
  startIngest,
  push,
} from './ingest';
import {
  resendAcknowledged,
  checkStored,
  checkThroughTheProduct,
} from './checks';
import { MINUTE, withResources } from '../../lib/scenario';

/**
 * 3. Crash during ingest: clients push batches while the backend is killed
 * with SIGKILL, twice; after each restart they retry what was not
 * acknowledged. PostgreSQL must then hold every acknowledged sample exactly
 * once.
 */
export const crashDuringIngest = withResources(run);

async function run(report: ScenarioReport, resources: Resources) {
  const ingest = await startIngest(report, resources);
  report.tried(
    `${CLIENTS} clients pushing batches of ${BATCH} samples with the service token; SIGKILL the backend ${KILLS} times while they push, restart it on the same port and database`,
  );
  const clients = Array.from({ length: CLIENTS }, (_, c) => push(ingest, c));
  const atKill: string[] = [];
  let partial = 0;
  for (let kill = 1; kill <= KILLS; kill++) {
    const torn = await killAndRestart(ingest, resources, kill);
    atKill.push(torn.note);
    partial += torn.partial;
  }
  await sleep(1_500);
  ingest.stopping = true;
  await clientsFinished(clients);
  report.held(
    'every batch with a torn write was all or nothing',
    partial === 0,
    atKill.join('; '),
  );
  await resendAcknowledged(ingest);
  const expected = await checkStored(ingest);
  await checkThroughTheProduct(ingest, expected);
}

/** SIGKILLs the backend mid-push, looks at the batches that were on the wire, and restarts it on the same port. */
async function killAndRestart(
  ingest: Ingest,
  resources: Resources,
  kill: number,
): Promise<{ note: string; partial: number }> {
  const { report } = ingest;
  await sleep(1_500 + Math.floor(Math.random() * 1_000));
  const inFlight = ingest.batches.filter(b => b.inFlight && !b.acknowledged);
  const ackedBefore = ingest.batches.filter(b => b.acknowledged).length;
  ingest.restarting = true;
  await ingest.api.backend.kill('SIGKILL');
  report.add('faults');
  const counts = await storedOf(ingest.sloDatabase, inFlight);
  const committed = counts.filter(n => n === BATCH).length;
  const none = counts.filter(n => n === 0).length;
  const partial = counts.length - committed - none;
  const note = `kill ${kill}: ${ackedBefore} batches acknowledged so far, ${inFlight.length} on the wire: ${committed} stored without their 202 reaching the client, ${none} not stored, ${partial} partly stored`;
  report.note(note);
  const restarted = Date.now();
  ingest.api = await startSuiteBackend(
    resources,
    `crash-${kill + 1}`,
    ingest.settings,
    { port: ingest.port, waitForCatalog: false },
  );
  ingest.restarting = false;
  report.note(
    `restarted in ${((Date.now() - restarted) / 1000).toFixed(1)} s (pid ${
      ingest.api.backend.pid
    })`,
  );
  return { note, partial };
}

/** How many samples of each batch the database holds: a torn write shows as neither 0 nor BATCH. */
function storedOf(sloDatabase: string, batches: Batch[]): Promise<number[]> {
  return withDatabase(sloDatabase, async db => {
    const out: number[] = [];
    for (const b of batches) {
      const first = b.samples[0].timestamp / MINUTE;
      const [{ n }] = await db('slo_samples')
        .where('series', b.samples[0].series)
        .andWhere('minute', '>=', first)
        .andWhere('minute', '<', first + BATCH)
        .count({ n: '*' });
      out.push(Number(n));
    }
    return out;
  });
}
