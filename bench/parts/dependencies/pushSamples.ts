import { BenchBackend } from '../../lib/backend';
import { fmt, log } from '../../lib/report';
import { now } from '../../lib/util';
import { ChainSlos } from './chainSlos';

export const MINUTE = 60_000;
const BATCH = 10_000;
/** How long each incident lasts, in minutes. */
export const INCIDENT_MINUTES = 60;

/**
 * Per-minute counts of every measured entity over `minutes` up to
 * `endMinute`: 1,000 requests a minute, one failing every 100 minutes. In
 * the middle of the span a resource with an incident fails 50 a minute
 * (5 %, 100× a 0.05 % budget) and everything depending on it 3 a minute
 * (0.3 %, 3× a 0.1 % budget), so attribution finds a share to put on it.
 */
function* samples(chains: ChainSlos, endMinute: number, minutes: number) {
  const from = endMinute - minutes;
  const incidentFrom = from + Math.floor(minutes / 2);
  for (const ref of chains.services) {
    const series = chains.seriesOf.get(ref)!;
    const bad = chains.incident.resources.has(ref)
      ? 50
      : chains.incident.dependents.has(ref)
      ? 3
      : 0;
    for (let m = from; m < endMinute; m++) {
      const incident = m >= incidentFrom && m < incidentFrom + INCIDENT_MINUTES;
      yield {
        series,
        timestamp: new Date(m * MINUTE).toISOString(),
        good: 1000 - (incident && bad ? bad : m % 100 === 0 ? 1 : 0),
        total: 1000,
      };
    }
  }
}

/** Sends the samples through POST /v1/samples, as pipelines do. */
export async function pushSamples(
  backend: BenchBackend,
  chains: ChainSlos,
  endMinute: number,
  minutes: number,
): Promise<{ samples: number; ms: number }> {
  const started = now();
  let batch: unknown[] = [];
  let sent = 0;
  const send = async () => {
    const res = await fetch(`${backend.baseUrl}/api/slo/v1/samples`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${backend.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ samples: batch }),
    });
    if (res.status !== 202) {
      throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
    }
    sent += batch.length;
    batch = [];
  };
  for (const s of samples(chains, endMinute, minutes)) {
    batch.push(s);
    if (batch.length === BATCH) await send();
  }
  if (batch.length) await send();
  const ms = now() - started;
  log(`pushed ${fmt.int(sent)} samples in ${fmt.ms(ms)}`);
  return { samples: sent, ms };
}
