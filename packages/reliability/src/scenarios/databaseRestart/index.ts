import { sleep } from '../../lib/children';
import { poll } from '@triad/test-utils';
import { ScenarioReport } from '../../lib/report';
import { clientsFinished } from '../../lib/samples';
import { Resources } from '../../suite/context';
import {
  Ingest,
  Outage,
  CLIENTS,
  BATCH,
  DOWN_MS,
  RESTARTS,
  startIngest,
  push,
} from './ingest';
import {
  checkRecovery,
  checkAnswersWhileAway,
  checkNextScheduledRun,
  checkStored,
} from './checks';
import { withResources } from '../../lib/scenario';

/**
 * 8. The database restarts: a private PostgreSQL under the backend is
 * stopped (fast shutdown) and started again twice while clients push
 * samples and the evaluation of every SLO is scheduled every 5 s.
 */
export const databaseRestart = withResources(run);

async function run(report: ScenarioReport, resources: Resources) {
  const ingest = await startIngest(report, resources);
  report.tried(
    `${CLIENTS} clients pushing batches of ${BATCH} samples; stop PostgreSQL (fast shutdown) for ${
      DOWN_MS / 1000
    } s and start it again, ${RESTARTS} times, while they push and while the scheduled evaluation falls due`,
  );
  const clients = Array.from({ length: CLIENTS }, (_, c) => push(ingest, c));
  const outages: Outage[] = [];
  for (let restart = 1; restart <= RESTARTS; restart++) {
    outages.push(await restartDatabase(ingest, restart));
  }
  await sleep(2_000);
  ingest.stopping = true;
  await clientsFinished(clients);
  report.add('unavailable', ingest.unavailable);
  report.add('serverErrors', ingest.serverErrors);
  checkRecovery(ingest, outages);
  checkAnswersWhileAway(ingest);
  await checkNextScheduledRun(ingest, outages);
  await checkStored(ingest);
}

/** Stops PostgreSQL for DOWN_MS, starts it again and times the first acknowledged batch after. */
async function restartDatabase(
  { report, pg, acks }: Ingest,
  restart: number,
): Promise<Outage> {
  await sleep(2_000 + Math.floor(Math.random() * 1_000));
  const down = Date.now();
  await pg.stop();
  report.add('faults');
  await sleep(DOWN_MS);
  const startupMs = await pg.start();
  const up = Date.now();
  const firstAck = await poll(
    'an acknowledged batch after the database came back',
    async () => acks.find(t => t >= up),
    30_000,
    20,
  ).catch(() => undefined);
  const recoveryMs = firstAck === undefined ? undefined : firstAck - up;
  report.note(
    `restart ${restart}: down ${((up - down) / 1000).toFixed(
      1,
    )} s (PostgreSQL took ${startupMs} ms to accept queries again); first acknowledged batch ${
      recoveryMs === undefined ? 'never came' : `${recoveryMs} ms after that`
    }`,
  );
  return { down, up, recoveryMs };
}
