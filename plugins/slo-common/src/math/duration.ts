/** Units of OpenSLO duration shorthand, e.g. `5m`, `28d`, `1M`. */
export type DurationUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';

/** A parsed OpenSLO duration shorthand. */
export interface DurationShorthand {
  amount: number;
  unit: DurationUnit;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Length in milliseconds of the units that have a fixed length. */
export const FIXED_UNIT_MS: Record<'s' | 'm' | 'h' | 'd' | 'w', number> = {
  s: SECOND,
  m: MINUTE,
  h: HOUR,
  d: DAY,
  w: 7 * DAY,
};

const SHORTHAND = /^([1-9][0-9]*)(s|m|h|d|w|M|Q|Y)$/;

/**
 * Parses OpenSLO duration shorthand (`<positive integer><unit>`). Returns
 * undefined for anything else, so callers can name the offending field.
 */
export function parseDuration(text: string): DurationShorthand | undefined {
  const match = SHORTHAND.exec(text);
  if (!match) return undefined;
  return { amount: Number(match[1]), unit: match[2] as DurationUnit };
}

/** Whether the unit has a calendar-dependent length (months, quarters, years). */
export function isCalendarUnit(unit: DurationUnit): unit is 'M' | 'Q' | 'Y' {
  return unit === 'M' || unit === 'Q' || unit === 'Y';
}

/**
 * Milliseconds of a fixed-length duration. Months, quarters and years have no
 * fixed length (a month is 28 to 31 days), so they are refused rather than
 * approximated.
 */
export function durationToMs(duration: DurationShorthand | string): number {
  const parsed =
    typeof duration === 'string' ? parseDuration(duration) : duration;
  if (!parsed) {
    throw new TypeError(
      `"${duration}" is not an OpenSLO duration such as 5m or 28d`,
    );
  }
  if (isCalendarUnit(parsed.unit)) {
    throw new TypeError(
      `${parsed.amount}${parsed.unit} has no fixed length; use a calendar time window`,
    );
  }
  return parsed.amount * FIXED_UNIT_MS[parsed.unit];
}

/** Formats milliseconds as the largest exact shorthand, e.g. 3600000 → `1h`. */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's'] as const) {
    if (ms >= FIXED_UNIT_MS[unit] && ms % FIXED_UNIT_MS[unit] === 0) {
      return `${ms / FIXED_UNIT_MS[unit]}${unit}`;
    }
  }
  return `${Math.round(ms / SECOND)}s`;
}
