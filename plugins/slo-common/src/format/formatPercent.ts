/** A ratio as a percentage with enough digits for SLO targets (99.95 %). */
export function formatPercent(ratio: number | undefined, digits = 2): string {
  if (ratio === undefined) return '–';
  return `${(ratio * 100).toFixed(digits)} %`;
}

/** A burn rate such as 14.4×. */
export function formatBurnRate(rate: number | undefined): string {
  if (rate === undefined) return '–';
  return `${rate < 10 ? rate.toFixed(2) : rate.toFixed(1)}×`;
}

/** A count with thousands separators and at most `digits` decimals: 4,464 or 43.2. */
export function formatCount(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}
