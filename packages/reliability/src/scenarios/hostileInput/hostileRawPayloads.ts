import { call } from '../../lib/http';
import { MainSetup } from '../../suite/context';
import { JSON_HEADERS, paddedBody, rawPayloadCases } from './rawPayloadCases';
import { messagesOf, Tally } from './Tally';

/**
 * Malformed, oversized and compressed ingest payloads, and bodies sent to the
 * read-only ownership endpoints.
 */
export async function hostileRawPayloads(
  api: MainSetup['api'],
  now: number,
): Promise<Tally> {
  const raw = new Tally(
    'malformed, oversized and compressed ingest payloads (hand-written)',
  );
  for (const c of rawPayloadCases(now)) {
    const a = await call(`${api.url}/api/slo/v1/samples`, {
      method: 'POST',
      token: api.token,
      body: c.body ?? (c.stream!() as any),
      headers: c.headers,
      timeoutMs: 60_000,
    });
    raw.record(a.status);
    const message = messagesOf(a);
    if (!c.status.includes(a.status)) {
      raw.fail(
        `${c.name}: ${a.status} ${
          a.failure ?? message
        } (expected ${c.status.join(' or ')})`,
      );
    } else if (c.names.test(message)) {
      raw.named++;
    } else {
      raw.fail(`${c.name}: ${a.status} "${message}" does not name the problem`);
    }
  }
  // Ownership is read-only: bodies there go nowhere.
  for (const path of [
    '/api/ownership/v1/lookup',
    '/api/ownership/v1/coverage',
  ]) {
    const a = await call(`${api.url}${path}`, {
      method: 'POST',
      token: api.token,
      body: paddedBody(now, 1024),
      headers: JSON_HEADERS,
    });
    raw.record(a.status);
    // No such route: a bare 404.
    if (a.status === 404) raw.named++;
    else raw.fail(`POST ${path}: ${a.status} ${messagesOf(a)}`);
  }
  return raw;
}
