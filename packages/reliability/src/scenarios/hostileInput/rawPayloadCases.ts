import { gzipSync } from 'zlib';

/** A hand-written ingest payload and how the backend must answer it. */
export interface RawPayloadCase {
  name: string;
  body?: string | Buffer;
  stream?: () => ReadableStream<Uint8Array>;
  headers: Record<string, string>;
  /** The statuses allowed. */
  status: number[];
  /** What the error message must match. */
  names: RegExp;
}

export const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** A valid sample of a series of its own, `i` minutes before the hour before `now`. */
const sample = (now: number, i: number) => ({
  series: 'hostile/raw',
  timestamp: now - 3_600_000 - i * 60_000,
  good: 1,
  total: 1,
});

/** A valid body padded to about `bytes`. */
export const paddedBody = (now: number, bytes: number) =>
  `{"samples":[${JSON.stringify(sample(now, 0))}],"padding":"${'x'.repeat(
    bytes,
  )}"}`;

/**
 * Malformed, oversized and compressed ingest payloads: a table, one entry a case.
 * Long on purpose: a declarative table read top to bottom; split up, the
 * cases would only be harder to compare.
 */
export function rawPayloadCases(now: number): RawPayloadCase[] {
  const json = JSON_HEADERS;
  const big = (bytes: number) => paddedBody(now, bytes);
  return [
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
      body: JSON.stringify({ samples: [sample(now, 1)] }),
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
      body: JSON.stringify({ samples: [sample(now, 2)] }),
      headers: { 'Content-Type': 'application/json; charset=utf-16' },
      status: [400, 415],
      names: /charset|JSON/i,
    },
    {
      name: 'unknown charset',
      body: JSON.stringify({ samples: [sample(now, 2)] }),
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
          ...sample(now, i),
          series: `hostile/n${i % 7}`,
        })),
      }),
      headers: json,
      status: [400],
      names: /10001 samples in one request; at most 10000/,
    },
    {
      name: 'one minute twice in a batch',
      body: JSON.stringify({ samples: [sample(now, 3), sample(now, 3)] }),
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
}
