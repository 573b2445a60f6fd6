import * as fc from 'fast-check';

/** A path into a JSON document: object keys and array indexes. */
export type JsonPath = Array<string | number>;

/** Every path to a node of `value` below `prefix` (the root itself excluded). */
export function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => {
    const path = [...prefix, key];
    return [path, ...pathsOf(child, path)];
  });
}

/** `spec.objectives[0].target` */
export function formatPath(path: JsonPath): string {
  return path
    .map((p, i) => {
      if (typeof p === 'number') return `[${p}]`;
      return i ? `.${p}` : p;
    })
    .join('');
}

/** A copy of `base` with the node at `path` deleted or replaced. */
export function mutate<T>(
  base: T,
  path: JsonPath,
  change: { op: 'delete' } | { op: 'replace'; value: unknown },
): T {
  const copy = structuredClone(base) as any;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path[path.length - 1];
  if (change.op === 'delete') {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else {
    node[last] = change.value;
  }
  return copy;
}

/** Strings that have broken parsers, routers and templates before. */
export const HOSTILE_STRINGS: string[] = [
  '',
  ' ',
  '..',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '\u0000',
  'a\u0000b',
  '\n\r\t',
  '💥',
  '\u202eevil',
  '\ud800',
  "' OR 1=1 --",
  '"; DROP TABLE slo_samples; --',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '%s%s%s%n',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x10',
  '9'.repeat(400),
  'a'.repeat(300),
  'x:y:z',
  'group:default/',
  ':',
  '/',
  'true',
];

/** A JSON value a malicious or broken client could send instead of the right one. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    '',
    0,
    -1,
    1.5,
    1e300,
    -1e300,
    Number.MAX_SAFE_INTEGER + 2,
    true,
    false,
    [],
    {},
    [null],
    JSON.parse('{"__proto__": {"polluted": true}}'),
    'x'.repeat(20_000),
  ),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** One generated change to a valid document. */
export interface Mutation<T> {
  doc: T;
  path: JsonPath;
  op: 'delete' | 'replace';
  /** The value put in, for replacements. */
  value?: unknown;
}

/**
 * Valid `base` documents changed at one random place (optionally only below
 * `within`): a node deleted, or replaced by a hostile value.
 */
export function mutationOf<T>(
  base: T,
  within: JsonPath = [],
): fc.Arbitrary<Mutation<T>> {
  const paths = pathsOf(base).filter(p =>
    within.every((segment, i) => p[i] === segment),
  );
  return fc
    .record({
      path: fc.constantFrom(...paths),
      op: fc.constantFrom<'delete' | 'replace'>('delete', 'replace', 'replace'),
      value: hostileValue,
    })
    .map(({ path, op, value }) => ({
      doc: mutate(base, path, op === 'delete' ? { op } : { op, value }),
      path,
      op,
      value: op === 'delete' ? undefined : value,
    }));
}

/** The seed of this run's generated inputs: TRIAD_RELIABILITY_SEED, or random. */
export function seed(): number {
  const fromEnv = Number(process.env.TRIAD_RELIABILITY_SEED);
  return Number.isInteger(fromEnv)
    ? fromEnv
    : Math.floor(Math.random() * 2 ** 31);
}
