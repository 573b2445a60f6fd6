import { call } from '../../lib/http';
import { compareSamples, samplesByKey, storedSamples } from '../../lib/samples';
import { describe } from '../../suite/context';
import { Ingest } from './ingest';

/** Retried batches: acknowledged batches sent again, one of them twice at once. */
export async function resendAcknowledged(ingest: Ingest) {
  const { report, api, settings } = ingest;
  const acknowledged = ingest.batches.filter(b => b.acknowledged);
  const again = acknowledged.filter((_, i) => i % 5 === 0).slice(0, 10);
  report.tried(
    `re-sending ${again.length} acknowledged batches, and one of them twice concurrently`,
  );
  const resent = await Promise.all(
    [...again, again[0]].map(b =>
      call(`${api.url}/api/slo/v1/samples`, {
        token: settings.token,
        json: { samples: b.samples },
      }),
    ),
  );
  report.add('requests', resent.length);
  report.held(
    'retried batches are accepted again',
    resent.every(a => a.status === 202),
    resent
      .filter(a => a.status !== 202)
      .map(describe)
      .join('; ') || `${resent.length} × 202`,
  );
}

/** The database: every acknowledged sample exactly once, nothing else. */
export async function checkStored(ingest: Ingest) {
  const { report, failures } = ingest;
  const acknowledged = ingest.batches.filter(b => b.acknowledged);
  const expected = samplesByKey(acknowledged);
  const { stored, duplicates } = await storedSamples(
    ingest.sloDatabase,
    'crash/',
  );
  const { missing, wrong } = compareSamples(expected, stored);
  const extra = [...stored.keys()].filter(k => !expected.has(k)).length;
  report.add('lost', missing);
  const sumExpected = [...expected.values()].reduce((n, s) => n + s.total, 0);
  const sumStored = [...stored.values()].reduce((n, s) => n + s.total, 0);
  report.held(
    'every acknowledged sample is stored exactly once, with its values',
    missing === 0 && wrong === 0 && duplicates === 0 && extra === 0,
    `${acknowledged.length} batches (${expected.size} samples) acknowledged; ${stored.size} rows; missing ${missing}, wrong values ${wrong}, duplicated ${duplicates}, unexpected ${extra}`,
  );
  report.held(
    'no double counting: event totals match',
    sumExpected === sumStored,
    `${sumStored} events stored, ${sumExpected} sent`,
  );
  report.held(
    'clients saw no error other than the outages',
    ingest.unexpected === 0 && !failures.length,
    `${
      ingest.attemptsWithoutAnswer
    } attempts without an answer during the outages, ${
      ingest.notMountedYet
    } answered 404 while the restarted backend was mounting its plugins (all retried)${
      failures.length ? `; ${failures.slice(0, 3).join('; ')}` : ''
    }`,
  );
  return expected;
}

/** Through the product: the SLO on crash/c0/0 counts each event once. */
export async function checkThroughTheProduct(
  { report, api }: Ingest,
  expected: Map<string, { good: number; total: number }>,
) {
  await api.waitForCatalog();
  const series = [...expected.entries()].filter(([k]) =>
    k.startsWith('crash/c0/0@'),
  );
  const good = series.reduce((n, [, s]) => n + s.good, 0);
  const total = series.reduce((n, [, s]) => n + s.total, 0);
  const slo = await api.service('/api/slo/v1/slos/default/slo-crash');
  report.add('requests');
  const objective = slo.body?.objectives?.[0];
  report.held(
    'the SLO evaluates to the acknowledged events, once each',
    slo.status === 200 &&
      Math.abs(objective?.sli - good / total) < 1e-12 &&
      Math.abs(objective?.budget?.totalEvents - 0.01 * total) < 1e-6,
    `sli ${objective?.sli} (expected ${
      good / total
    } from ${total} events), error budget ${
      objective?.budget?.totalEvents
    } events`,
  );
}
