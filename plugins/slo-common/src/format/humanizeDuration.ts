const UNITS: [string, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** "3 days 4 hours", "50 minutes": the largest unit and the next, rounded down. */
export function humanizeDuration(ms: number): string {
  const first = UNITS.findIndex(([, size]) => ms >= size);
  if (first < 0) return 'less than a second';
  const [unit, size] = UNITS[first];
  const n = Math.floor(ms / size);
  const next = UNITS[first + 1];
  const m = next ? Math.floor((ms - n * size) / next[1]) : 0;
  return m ? `${plural(n, unit)} ${plural(m, next[0])}` : plural(n, unit);
}
