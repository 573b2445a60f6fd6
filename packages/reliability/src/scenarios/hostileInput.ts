import * as fc from 'fast-check';
import { gzipSync } from 'zlib';
import {
  ApiInput,
  hostileApiRequest,
  hostileSampleBody,
  sampleBodyIsValid,
} from '../corpus/api';
import { formatPath, seed } from '../corpus/mutate';
import { MALFORMED_OPENSLO, mutatedOpenSlo } from '../corpus/openslo';
import { MALFORMED_OWNERSHIP, mutatedOwnership } from '../corpus/ownership';
import { Answer, call } from '../lib/http';
import { ScenarioReport } from '../lib/report';
import { MainSetup } from '../suite/context';

/** How one category of hostile input fared. */
class Tally {
  readonly statuses = new Map<number, number>();
  tried = 0;
  named = 0;
  readonly failures: string[] = [];

  constructor(readonly name: string) {}

  record(status: number) {
    this.tried++;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  fail(text: string) {
    this.failures.push(text.slice(0, 400));
  }

  get serverErrors() {
    return [...this.statuses]
      .filter(([s]) => s >= 500 || s === 0)
      .reduce((n, [, c]) => n + c, 0);
  }

  summary() {
    const statuses = [...this.statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, c]) => `${c}×${s || 'no answer'}`)
      .join(', ');
    return `${this.tried} tried: ${statuses}`;
  }
}

/** Runs `fn` over `items`, `limit` at a time. */
async function each<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

const messagesOf = (answer: Answer): string => {
  const body = answer.body;
  const list = Array.isArray(body?.errors)
    ? body.errors.map((e: any) => e?.message ?? '')
    : [body?.error?.message ?? ''];
  return list.join(' | ');
};

/** A field path such as spec.objectives[0].target, or samples[2].good. */
const FIELD = /[A-Za-z_]+(\[\d+\]|\.[A-Za-z_]+)+(: | )/;

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
  const tallies: Tally[] = [];

  // Documents: a 400 from validate-entity carries the processing errors.
  const validate = async (
    tally: Tally,
    label: string,
    doc: unknown,
    mustName: string | undefined,
    /** For generated changes: the value put in, which a message may quote instead. */
    value?: unknown,
  ) => {
    const a = await api.service('/api/catalog/validate-entity', {
      json: {
        entity: doc,
        location: 'url:https://example.com/catalog-info.yaml',
      },
    });
    tally.record(a.status);
    const message = messagesOf(a);
    if (a.status >= 500 || a.status === 0) {
      tally.fail(`${label}: ${a.status} ${a.failure ?? message}`);
    } else if (a.status === 200) {
      if (mustName !== undefined && mustName !== '') {
        tally.fail(`${label}: accepted, but it is invalid (${mustName})`);
      }
    } else if (a.status === 413) {
      // Over the catalog's request size limit.
      if (/too large/i.test(message)) tally.named++;
      else tally.fail(`${label}: 413 without saying why: ${message}`);
    } else if (a.status >= 400) {
      const names =
        mustName === undefined
          ? FIELD.test(message) ||
            /kind|apiVersion|metadata|spec/.test(message) ||
            (typeof value === 'string' &&
              value !== '' &&
              message.includes(JSON.stringify(value)))
          : message.toLowerCase().includes(mustName.toLowerCase());
      if (names) tally.named++;
      else
        tally.fail(
          `${label}: ${a.status} without naming ${
            mustName ?? 'a field'
          }: ${message}`,
        );
    }
  };

  const openSlo = new Tally('malformed OpenSLO documents (hand-written)');
  tallies.push(openSlo);
  await each(MALFORMED_OPENSLO, 4, c =>
    validate(openSlo, c.name, c.doc, c.names),
  );

  const generatedOpenSlo = new Tally(
    'OpenSLO documents changed at one random place (generated)',
  );
  tallies.push(generatedOpenSlo);
  await each(fc.sample(mutatedOpenSlo, { numRuns: 250, seed: runSeed }), 4, m =>
    validate(
      generatedOpenSlo,
      `${m.doc.kind} with ${m.op} at ${formatPath(m.path)}`,
      m.doc,
      undefined,
      m.value,
    ),
  );

  const ownership = new Tally(
    'malformed responsibilities and topology blocks (hand-written)',
  );
  tallies.push(ownership);
  await each(MALFORMED_OWNERSHIP, 4, c =>
    validate(ownership, c.name, c.doc, c.names),
  );

  const generatedOwnership = new Tally(
    'responsibilities and topology blocks changed or replaced (generated)',
  );
  tallies.push(generatedOwnership);
  await each(
    fc.sample(mutatedOwnership, { numRuns: 250, seed: runSeed + 1 }),
    4,
    m =>
      validate(
        generatedOwnership,
        `${m.doc.kind} with ${m.op} at ${formatPath(m.path)}`,
        m.doc,
        undefined,
      ),
  );

  // Parameters of every endpoint, as the user.
  const params = new Tally(
    'hostile path and query parameters on every SLO and ownership endpoint (generated)',
  );
  tallies.push(params);
  const requests = fc.sample(hostileApiRequest, {
    numRuns: 500,
    seed: runSeed + 2,
  });
  await each(requests, 4, async (r: ApiInput) => {
    const a = await api.user(r.path, { method: r.method, timeoutMs: 20_000 });
    params.record(a.status);
    if (a.status >= 500 || a.status === 0) {
      params.fail(
        `${r.label} GET ${r.path.slice(0, 200)}: ${a.status} ${
          a.failure ?? messagesOf(a)
        }`,
      );
    } else if (a.status >= 400) {
      // Node answers over-long request lines itself (431/414) with no body,
      // and a path that is no route (after `..` or `%2F`) is a bare 404.
      if (messagesOf(a) || [404, 414, 431].includes(a.status)) params.named++;
      else
        params.fail(
          `${r.label} GET ${r.path.slice(0, 200)}: ${
            a.status
          } without a message`,
        );
    }
  });

  // Ingest bodies: the server must agree with the documented contract.
  const bodies = new Tally(
    'ingest bodies with hostile fields (generated, checked against the documented contract)',
  );
  tallies.push(bodies);
  const now = Date.now();
  await each(
    fc.sample(hostileSampleBody(now), { numRuns: 300, seed: runSeed + 3 }),
    4,
    async body => {
      const a = await api.service('/api/slo/v1/samples', { json: body });
      bodies.record(a.status);
      const valid = sampleBodyIsValid(body, {
        now,
        retentionMs: 35 * 86_400_000,
      });
      const shown = JSON.stringify(body)?.slice(0, 200);
      if (a.status >= 500 || a.status === 0) {
        bodies.fail(`${shown}: ${a.status} ${a.failure ?? messagesOf(a)}`);
      } else if (valid && a.status !== 202) {
        bodies.fail(
          `${shown}: valid but answered ${a.status} ${messagesOf(a)}`,
        );
      } else if (!valid && a.status === 202) {
        bodies.fail(`${shown}: invalid but accepted`);
      } else if (!valid) {
        // A body that is not a JSON object is refused by the JSON parser.
        if (/samples|JSON/.test(messagesOf(a))) bodies.named++;
        else
          bodies.fail(
            `${shown}: ${a.status} not naming the field: ${messagesOf(a)}`,
          );
      }
    },
  );

  // Raw and oversized bodies.
  const raw = new Tally(
    'malformed, oversized and compressed ingest payloads (hand-written)',
  );
  tallies.push(raw);
  const sample = (i: number) => ({
    series: 'hostile/raw',
    timestamp: now - 3_600_000 - i * 60_000,
    good: 1,
    total: 1,
  });
  const big = (bytes: number) =>
    `{"samples":[${JSON.stringify(sample(0))}],"padding":"${'x'.repeat(
      bytes,
    )}"}`;
  const json = { 'Content-Type': 'application/json' };
  const rawCases: Array<{
    name: string;
    body?: string | Buffer;
    stream?: () => ReadableStream<Uint8Array>;
    headers: Record<string, string>;
    status: number[];
    names: RegExp;
  }> = [
    {
      name: 'truncated JSON',
      body: '{"samples": [',
      headers: json,
      status: [400],
      names: /JSON|Unexpected|parse/i,
    },
    {
      name: 'empty body',
      body: '',
      headers: json,
      status: [400],
      names: /samples/,
    },
    {
      name: 'null',
      body: 'null',
      headers: json,
      status: [400],
      names: /JSON|samples|Unexpected|strict/i,
    },
    {
      name: 'a bare list',
      body: '[]',
      headers: json,
      status: [400],
      names: /samples/,
    },
    {
      name: 'samples as an object',
      body: '{"samples": {}}',
      headers: json,
      status: [400],
      names: /samples/,
    },
    {
      name: 'NUL bytes',
      body: '\u0000\u0000',
      headers: json,
      status: [400],
      names: /JSON|Unexpected|parse/i,
    },
    {
      name: 'JSON as text/plain',
      body: JSON.stringify({ samples: [sample(1)] }),
      headers: { 'Content-Type': 'text/plain' },
      status: [400, 415],
      names: /samples|content|type/i,
    },
    {
      name: 'form-encoded',
      body: 'samples=1',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      status: [400, 415],
      names: /samples/,
    },
    {
      name: 'UTF-16 charset on UTF-8 bytes',
      body: JSON.stringify({ samples: [sample(2)] }),
      headers: { 'Content-Type': 'application/json; charset=utf-16' },
      status: [400, 415],
      names: /charset|JSON/i,
    },
    {
      name: 'unknown charset',
      body: JSON.stringify({ samples: [sample(2)] }),
      headers: { 'Content-Type': 'application/json; charset=klingon' },
      status: [415],
      names: /charset/i,
    },
    {
      name: '1,000,000 levels of nesting',
      body: `{"samples":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`,
      headers: json,
      status: [400, 413],
      names: /samples|large|limit/i,
    },
    {
      name: '5 MiB body (limit 4 MiB)',
      body: big(5 * 1024 * 1024),
      headers: json,
      status: [413],
      names: /large|limit/i,
    },
    {
      name: '64 MiB body',
      body: big(64 * 1024 * 1024),
      headers: json,
      status: [413],
      names: /large|limit/i,
    },
    {
      name: '6 MiB streamed without Content-Length',
      stream: () => {
        let sent = 0;
        return new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent === 0)
              controller.enqueue(Buffer.from('{"samples":[],"padding":"'));
            if (sent >= 6 * 1024 * 1024) {
              controller.enqueue(Buffer.from('"}'));
              controller.close();
              return;
            }
            controller.enqueue(Buffer.alloc(64 * 1024, 'x'));
            sent += 64 * 1024;
          },
        });
      },
      headers: json,
      status: [413],
      names: /large|limit/i,
    },
    {
      name: 'gzip bomb (256 MiB inflated from 250 KiB)',
      body: gzipSync(
        Buffer.concat([
          Buffer.from('{"samples":[],"p":"'),
          Buffer.alloc(256 * 1024 * 1024, 'x'),
          Buffer.from('"}'),
        ]),
      ),
      headers: { ...json, 'Content-Encoding': 'gzip' },
      status: [413],
      names: /large|limit/i,
    },
    {
      name: 'unknown content encoding',
      body: 'x',
      headers: { ...json, 'Content-Encoding': 'zstd-bogus' },
      status: [415],
      names: /encoding/i,
    },
    {
      name: '10,001 samples (limit 10,000)',
      body: JSON.stringify({
        samples: Array.from({ length: 10_001 }, (_, i) => ({
          ...sample(i),
          series: `hostile/n${i % 7}`,
        })),
      }),
      headers: json,
      status: [400],
      names: /10001 samples in one request; at most 10000/,
    },
    {
      name: 'one minute twice in a batch',
      body: JSON.stringify({ samples: [sample(3), sample(3)] }),
      headers: json,
      status: [400],
      names: /samples\[1\]\.timestamp: same series and minute/,
    },
    {
      name: '__proto__ and constructor keys',
      body: '{"__proto__":{"samples":[1]},"constructor":{"prototype":{"polluted":true}},"samples":[{"series":"hostile/p","timestamp":"x","good":1,"total":1,"__proto__":{"good":0}}]}',
      headers: json,
      status: [400],
      names: /samples\[0\]\.timestamp/,
    },
  ];
  for (const c of rawCases) {
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
      body: big(1024),
      headers: json,
    });
    raw.record(a.status);
    // No such route: a bare 404.
    if (a.status === 404) raw.named++;
    else raw.fail(`POST ${path}: ${a.status} ${messagesOf(a)}`);
  }

  // What held.
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
