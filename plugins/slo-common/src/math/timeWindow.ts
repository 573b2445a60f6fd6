import { DateTime, IANAZone } from 'luxon';
import { durationToMs, isCalendarUnit, parseDuration } from './duration';

/** An SLO period: rolling (the last `duration`) or aligned to calendar periods. */
export type TimeWindow =
  | { type: 'rolling'; duration: string }
  | {
      type: 'calendar';
      duration: string;
      /** `YYYY-MM-DD HH:mm:ss` in `timeZone`: the start of one period. */
      startTime: string;
      /** IANA time zone, e.g. `Europe/Berlin`. */
      timeZone: string;
    };

/** The period an evaluation covers: [start, end). */
export interface Period {
  start: Date;
  end: Date;
  /** Length of the whole period in milliseconds. */
  lengthMs: number;
  /** Share of the period elapsed at the evaluation time (1 for rolling windows). */
  elapsedFraction: number;
}

/** Whether `zone` is a valid IANA time zone name. */
export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

const START_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$/;

/** Parses a calendar `startTime` in its time zone; undefined when malformed. */
export function parseStartTime(
  startTime: string,
  timeZone: string,
): DateTime | undefined {
  if (!START_TIME.test(startTime) || !isValidTimeZone(timeZone)) {
    return undefined;
  }
  const parsed = DateTime.fromISO(startTime.replace(' ', 'T'), {
    zone: timeZone,
  });
  return parsed.isValid ? parsed : undefined;
}

function addPeriods(start: DateTime, duration: string, n: number): DateTime {
  const d = parseDuration(duration)!;
  const amount = d.amount * n;
  // Calendar arithmetic in the window's zone: months have 28-31 days and days
  // around a daylight-saving change have 23 or 25 hours.
  switch (d.unit) {
    case 'M':
      return start.plus({ months: amount });
    case 'Q':
      return start.plus({ months: 3 * amount });
    case 'Y':
      return start.plus({ years: amount });
    case 'w':
      return start.plus({ weeks: amount });
    case 'd':
      return start.plus({ days: amount });
    default:
      return start.plus({ milliseconds: durationToMs(d) * amount });
  }
}

/** The period of `window` that contains `at`. */
export function periodAt(window: TimeWindow, at: Date): Period {
  if (window.type === 'rolling') {
    const lengthMs = durationToMs(window.duration);
    return {
      start: new Date(at.getTime() - lengthMs),
      end: at,
      lengthMs,
      elapsedFraction: 1,
    };
  }
  const anchor = parseStartTime(window.startTime, window.timeZone);
  const parsed = parseDuration(window.duration);
  if (!anchor || !parsed) {
    throw new TypeError(
      `invalid calendar window ${window.duration} from ${window.startTime} ${window.timeZone}`,
    );
  }
  const atMs = at.getTime();
  // Estimate how many periods lie between the anchor and `at`, then step to the
  // exact one; calendar units make the estimate off by at most one or two.
  const roughMs = isCalendarUnit(parsed.unit)
    ? parsed.amount * { M: 30.44, Q: 91.31, Y: 365.25 }[parsed.unit] * 86400000
    : durationToMs(parsed);
  let n = Math.floor((atMs - anchor.toMillis()) / roughMs);
  let start = addPeriods(anchor, window.duration, n);
  while (start.toMillis() > atMs)
    start = addPeriods(anchor, window.duration, --n);
  let end = addPeriods(anchor, window.duration, n + 1);
  while (end.toMillis() <= atMs) {
    start = end;
    end = addPeriods(anchor, window.duration, ++n + 1);
  }
  const lengthMs = end.toMillis() - start.toMillis();
  return {
    start: start.toJSDate(),
    end: end.toJSDate(),
    lengthMs,
    elapsedFraction: (atMs - start.toMillis()) / lengthMs,
  };
}
