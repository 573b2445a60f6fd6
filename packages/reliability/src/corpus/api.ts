import * as fc from 'fast-check';
import { HOSTILE_STRINGS, hostileValue } from './mutate';

/** One request of the hostile corpus. */
export interface ApiInput {
  label: string;
  method: string;
  path: string;
  body?: string | Buffer | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
}

/** encodeURIComponent that survives lone surrogates (sent as U+FFFD). */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(Buffer.from(value).toString());
  }
}

const segment = fc.oneof(
  fc.constantFrom(
    'component',
    'Component',
    'default',
    'svc-prom',
    'slo-prom',
    'team-a',
    ...HOSTILE_STRINGS,
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('%ZZ', '%00', '%2e%2e', '%', '%c0%ae', 'a%2Fb', 'a;b=c'),
);

/** A path segment as a client might send it: encoded, or raw. */
const encodedSegment = fc
  .tuple(segment, fc.boolean())
  .map(([value, raw]) =>
    raw && /^[\x21-\x7e]*$/.test(value) && !/[/?#]/.test(value)
      ? value
      : encode(value),
  )
  .map(s => s || encode(' '));

const queryValue = fc.oneof(
  fc.constantFrom(
    '0',
    '1',
    '1000',
    '1001',
    '-1',
    '1.5',
    '1e3',
    '99999999999999999999',
    'true',
    'false',
    'yes',
    'healthy',
    'breached',
    'group:default/team-a',
    'team-a',
    'system:sys-a',
    '2026-01-01T00:00:00Z',
    '1970-01-01',
    '+275760-09-13T00:00:00.000Z',
    'a'.repeat(5_000),
    ...HOSTILE_STRINGS,
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

/** `key=value` in one of the shapes Express's query parser turns into strings, lists or objects. */
const queryPart = (key: string) =>
  fc
    .tuple(
      queryValue,
      queryValue,
      fc.constantFrom(
        'plain',
        'twice',
        'object',
        'list',
        'empty',
        'bare',
        'deep',
      ),
    )
    .map(([a, b, shape]) => {
      const k = encode(key);
      const v = encode(a);
      switch (shape) {
        case 'twice':
          return `${k}=${v}&${k}=${encode(b)}`;
        case 'object':
          return `${k}[${encode(b.slice(0, 20))}]=${v}`;
        case 'list':
          return `${k}[]=${v}&${k}[]=${encode(b)}`;
        case 'empty':
          return `${k}=`;
        case 'bare':
          return k;
        case 'deep':
          return `${k}${'[a]'.repeat(30)}=${v}`;
        default:
          return `${k}=${v}`;
      }
    });

const query = (keys: string[]) =>
  fc
    .subarray([...keys, '__proto__', 'constructor'], { minLength: 0 })
    .chain(chosen =>
      chosen.length
        ? fc.tuple(...chosen.map(queryPart)).map(parts => `?${parts.join('&')}`)
        : fc.constant(''),
    );

const get = (path: fc.Arbitrary<string>, label: string) =>
  path.map(p => ({ label, method: 'GET', path: p }));

/** GET requests to every SLO and ownership endpoint with generated parameters. */
export const hostileApiRequest: fc.Arbitrary<ApiInput> = fc.oneof(
  get(
    fc
      .tuple(encodedSegment, encodedSegment, encodedSegment)
      .map(([k, ns, n]) => `/api/slo/v1/entities/${k}/${ns}/${n}/slos`),
    'SLO entity',
  ),
  get(
    fc
      .tuple(encodedSegment, encodedSegment, encodedSegment)
      .map(([k, ns, n]) => `/api/slo/v1/entities/${k}/${ns}/${n}/policy`),
    'SLO policy',
  ),
  get(
    fc
      .tuple(encodedSegment, encodedSegment)
      .map(([ns, n]) => `/api/slo/v1/slos/${ns}/${n}`),
    'SLO',
  ),
  get(
    fc
      .tuple(encodedSegment, encodedSegment, query(['from', 'to']))
      .map(([ns, n, q]) => `/api/slo/v1/slos/${ns}/${n}/history${q}`),
    'SLO history',
  ),
  get(
    fc
      .tuple(encodedSegment, encodedSegment)
      .map(([ns, n]) => `/api/slo/v1/slos/${ns}/${n}/timeline`),
    'SLO timeline',
  ),
  get(
    query(['owner', 'system', 'status', 'offset', 'limit']).map(
      q => `/api/slo/v1/slos${q}`,
    ),
    'SLO list',
  ),
  get(
    fc
      .tuple(encodedSegment, encodedSegment, encodedSegment)
      .map(([k, ns, n]) => `/api/ownership/v1/entities/${k}/${ns}/${n}`),
    'ownership entity',
  ),
  get(
    fc
      .tuple(encodedSegment, encodedSegment, query(['includeSubTeams']))
      .map(
        ([ns, n, q]) =>
          `/api/ownership/v1/groups/${ns}/${n}/responsibilities${q}`,
      ),
    'ownership group',
  ),
  get(
    query(['q']).map(q => `/api/ownership/v1/lookup${q}`),
    'ownership lookup',
  ),
  get(
    query(['role', 'q']).map(q => `/api/ownership/v1/coverage${q}`),
    'ownership coverage',
  ),
  get(
    query(['team']).map(q => `/api/ownership/v1/topology${q}`),
    'ownership topology',
  ),
);

/** The contract of one ingest sample, as the README states it. */
export interface SampleOracle {
  /** When "now" is for the retention and future limits. */
  now: number;
  retentionMs: number;
}

const SERIES = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/;

/** Whether a body must be accepted (202) under the documented contract. */
export function sampleBodyIsValid(
  body: unknown,
  { now, retentionMs }: SampleOracle,
): boolean {
  const samples = (body as { samples?: unknown } | null)?.samples;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return false;
  }
  if (!Array.isArray(samples) || !samples.length || samples.length > 10_000) {
    return false;
  }
  const seen = new Set<string>();
  return samples.every(s => {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) return false;
    const { series, timestamp, good, total } = s as Record<string, unknown>;
    let ms = NaN;
    if (typeof timestamp === 'number') ms = timestamp;
    if (typeof timestamp === 'string') ms = Date.parse(timestamp);
    const count = (v: unknown) =>
      typeof v === 'number' && Number.isFinite(v) && v >= 0;
    const key = `${series}@${Math.floor(ms / 60_000)}`;
    const ok =
      typeof series === 'string' &&
      SERIES.test(series) &&
      Number.isFinite(ms) &&
      ms >= now - retentionMs &&
      ms <= now + 5 * 60_000 &&
      count(good) &&
      count(total) &&
      (good as number) <= (total as number) &&
      !seen.has(key);
    seen.add(key);
    return ok;
  });
}

/** Ingest bodies: near-valid samples with hostile fields, and arbitrary JSON. */
export function hostileSampleBody(now: number): fc.Arbitrary<unknown> {
  const validTimestamp = fc
    .integer({ min: 60_000, max: 24 * 3_600_000 })
    .chain(ago =>
      fc.constantFrom<unknown>(now - ago, new Date(now - ago).toISOString()),
    );
  const total = fc.integer({ min: 0, max: 1_000_000 });
  const sample = fc.record({
    series: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.stringMatching(/^hostile-[a-z0-9./:_-]{1,40}$/),
      },
      { weight: 1, arbitrary: hostileValue },
    ),
    timestamp: fc.oneof(
      { weight: 3, arbitrary: validTimestamp },
      { weight: 1, arbitrary: hostileValue },
      {
        weight: 1,
        arbitrary: fc.constantFrom<unknown>(
          1e20,
          -1e20,
          8.64e15 + 1,
          1.5e300,
          now + 3_600_000,
          now - 400 * 86_400_000,
          '2026-02-30T00:00:00Z',
          'yesterday',
        ),
      },
    ),
    good: fc.oneof(
      { weight: 3, arbitrary: total },
      { weight: 1, arbitrary: hostileValue },
    ),
    total: fc.oneof(
      { weight: 3, arbitrary: total },
      { weight: 1, arbitrary: hostileValue },
    ),
  });
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(sample, { maxLength: 4 })
        .map(samples => ({ samples })),
    },
    { weight: 1, arbitrary: hostileValue.map(samples => ({ samples })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  );
}
