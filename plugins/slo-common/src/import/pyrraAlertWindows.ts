const MINUTE_NS = 60_000_000_000n;

/**
 * One of Pyrra's four burn-rate alerts for an SLO window. Pyrra scales the
 * windows it uses for 28 days (1 h/5 m, 6 h/30 m, 1 d/2 h, 4 d/6 h, each
 * waiting half its short window) to the SLO's window, to the nearest minute,
 * with burn-rate factors 14, 7, 2 and 1; the first two are critical, the
 * others warnings.
 */
export interface PyrraAlertWindow {
  tier: 'fastBurn' | 'mediumBurn' | 'slowBurn' | 'longTermBurn';
  severity: string;
  longMs: number;
  shortMs: number;
  forMs: number;
  factor: number;
}

/** `window / divisor`, truncated to the nanosecond, rounded to the minute (half away from zero). */
function scaled(windowMs: number, divisor: number): number {
  const ns = (BigInt(Math.round(windowMs)) * 1_000_000n) / BigInt(divisor);
  const minutes = (ns + MINUTE_NS / 2n) / MINUTE_NS;
  return Number(minutes) * 60_000;
}

/** Pyrra's alert windows for an SLO window of `windowMs`. */
export function pyrraAlertWindows(windowMs: number): PyrraAlertWindow[] {
  // Divisors of the window that give the 28-day figures.
  const tiers: Array<[PyrraAlertWindow['tier'], string, number[], number]> = [
    ['fastBurn', 'critical', [28 * 24, 28 * 24 * 12, 28 * 24 * 30], 14],
    ['mediumBurn', 'critical', [28 * 4, 28 * 24 * 2, 28 * 24 * 4], 7],
    ['slowBurn', 'warning', [28, 28 * 12, 28 * 24], 2],
    ['longTermBurn', 'warning', [7, 28 * 4, 28 * 8], 1],
  ];
  return tiers.map(([tier, severity, [long, short, wait], factor]) => ({
    tier,
    severity,
    longMs: scaled(windowMs, long),
    shortMs: scaled(windowMs, short),
    forMs: scaled(windowMs, wait),
    factor,
  }));
}
