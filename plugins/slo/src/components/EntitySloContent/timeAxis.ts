/** The ticks of a time axis and how each reads. */
export interface TimeAxis {
  ticks: number[];
  format: (t: number) => string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const MINUTE = 60_000;
const STEPS_MS = [
  ...[1, 5, 10, 15, 30].map(m => m * MINUTE),
  ...[1, 2, 3, 6, 12, 24, 48, 168, 336, 720, 1440, 2160, 4320].map(
    h => h * HOUR,
  ),
];

/**
 * Ticks for a time axis from `startMs` to `endMs`: at most `maxTicks`, on
 * whole minutes, hours or days, labelled in `timeZone` (the viewer's by default), and
 * no label twice. Spans of up to a day
 * are labelled with times (midnight with its date), longer ones with dates, so
 * a day never appears twice on the axis.
 */
export function timeAxis(
  startMs: number,
  endMs: number,
  maxTicks = 8,
  timeZone?: string,
): TimeAxis {
  const span = Math.max(endMs - startMs, 1);
  const stepMs =
    STEPS_MS.find(
      ms => span / ms <= maxTicks - 1 && (ms >= DAY || span <= DAY),
    ) ?? STEPS_MS[STEPS_MS.length - 1];
  const date = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone,
  });
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const month = new Intl.DateTimeFormat('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone,
  });
  const format = (t: number) => {
    if (stepMs >= 30 * DAY) return month.format(new Date(t));
    const hhmm = time.format(new Date(t));
    return stepMs < DAY && hhmm !== '00:00' ? hhmm : date.format(new Date(t));
  };
  const ticks: number[] = [];
  const seen = new Set<string>();
  for (let t = Math.ceil(startMs / stepMs) * stepMs; t <= endMs; t += stepMs) {
    const label = format(t);
    if (!seen.has(label)) {
      seen.add(label);
      ticks.push(t);
    }
  }
  return { ticks, format };
}
