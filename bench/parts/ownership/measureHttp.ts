import { fmt } from '../../lib/report';
import { runClient } from '../../lib/runClient';
import { summary } from '../../lib/util';
import { Bench, Caller } from './Bench';

/** An entity page's answer and a lookup over HTTP, one request at a time. */
export async function measureHttp(bench: Bench, caller: Caller) {
  const { out, section, quick } = bench;
  const api = `${bench.backend.baseUrl}/api/ownership/v1`;
  const headers = { Authorization: `Bearer ${caller.token}` };
  const http1 = await runClient({
    type: 'load',
    urls: bench.entityUrls,
    headers,
    concurrency: 1,
    maxRequests: quick ? 300 : 1000,
    maxMs: 60_000,
  });
  const lookupHttp = await runClient({
    type: 'load',
    urls: bench.catalog.lookupQueries.map(
      q => `${api}/lookup?q=${encodeURIComponent(q)}`,
    ),
    headers,
    concurrency: 1,
    maxRequests: quick ? 16 : 40,
    maxMs: 60_000,
  });
  out.row({
    section,
    metric: `resolution over HTTP (GET /v1/entities/…, one at a time), ${caller.short}`,
    value: `${fmt.p(summary(http1.latencies))}${
      http1.errors ? `, ${http1.errors} errors` : ''
    }`,
  });
  out.row({
    section,
    metric: `lookup over HTTP (GET /v1/lookup?q=…), ${caller.short}`,
    value: `${fmt.p(summary(lookupHttp.latencies))}${
      lookupHttp.errors ? `, ${lookupHttp.errors} errors` : ''
    }`,
  });
}
