/**
 * How SLO numbers are written for people: the same words on every page, in
 * the CLI and in the browser journeys that check them.
 */
import { SloObjectiveResult, SloResult } from '../api/types';

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

/** A ratio as a percentage with enough digits for SLO targets (99.95 %). */
export function formatPercent(ratio: number | undefined, digits = 2): string {
  if (ratio === undefined) return '–';
  return `${(ratio * 100).toFixed(digits)} %`;
}

/**
 * Remaining error budget in words, as every page shows it; an overspent budget
 * says so rather than showing a negative share.
 */
export function formatBudgetLeft(remaining: number | undefined): string {
  if (remaining === undefined) return 'No data';
  return remaining < 0
    ? `Overspent by ${formatPercent(-remaining, 1)}`
    : `${formatPercent(remaining, 1)} of budget left`;
}

/** A burn rate such as 14.4×. */
export function formatBurnRate(rate: number | undefined): string {
  if (rate === undefined) return '–';
  return `${rate < 10 ? rate.toFixed(2) : rate.toFixed(1)}×`;
}

/** The objective in words: what the numbers mean for the people on call. */
export function summarize(objective: SloObjectiveResult): string {
  const { budget, burnRate, timeToExhaustionMs } = objective;
  if (budget.remaining === undefined) {
    return 'No traffic in this period, so there is nothing to measure yet: no data is neither success nor failure.';
  }
  if (budget.remaining < 0) {
    return `The error budget is overspent: ${formatPercent(
      -budget.remaining,
      1,
    )} more than the period allows has been used.`;
  }
  if (!burnRate) {
    return `${formatPercent(
      budget.remaining,
      1,
    )} of the error budget is left and nothing is burning it right now.`;
  }
  const pace = burnRate > 1 ? 'faster than' : 'slower than';
  const tte =
    timeToExhaustionMs === undefined
      ? ''
      : ` At the current rate the budget is gone in ${humanizeDuration(
          timeToExhaustionMs,
        )}.`;
  return `${formatPercent(
    budget.remaining,
    1,
  )} of the error budget is left. It is burning at ${formatBurnRate(
    burnRate,
  )}, ${pace} the pace that would spend exactly the whole budget in one period.${tte}`;
}

/** Firing tiers, most severe first. */
export function firingTiers(slo: SloResult): string[] {
  return slo.objectives.flatMap(o =>
    o.alerts.filter(a => a.firing).map(a => `${a.name} (${a.severity})`),
  );
}
