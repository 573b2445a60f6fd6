const UNITS: Array<[string, number]> = [
  ['w', 7 * 24 * 3600_000],
  ['d', 24 * 3600_000],
  ['h', 3600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/**
 * Formats milliseconds as a PromQL duration: the largest exact unit (`30d`,
 * `5m`), else milliseconds (`1137737123ms`) so that elapsed calendar periods
 * are queried to the millisecond instead of being rounded.
 */
export function promDuration(ms: number): string {
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new RangeError(`${ms} ms is not a positive whole duration`);
  }
  const [unit, size] = UNITS.find(([, s]) => ms % s === 0)!;
  return `${ms / size}${unit}`;
}
