import fc from 'fast-check';
import { alertTiersForPeriod } from './alertTiers';
import { burnDown, TimelineBucket } from './burnDown';
import {
  evaluateObjective,
  EvaluateObjectiveOptions,
} from './evaluateObjective';
import { Period } from './timeWindow';

/*
 * Properties that pin what the budget means, over generated traffic, targets
 * and points in a period, rather than a handful of examples.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Relative closeness: budgets span many orders of magnitude. */
const close = (a: number, b: number, eps = 1e-9) =>
  Math.abs(a - b) <= eps * Math.max(1, Math.abs(a), Math.abs(b));

const target = fc.oneof(
  fc.constantFrom(0.9, 0.99, 0.995, 0.999, 0.9995, 0.9999),
  fc.double({ min: 0.5, max: 0.99999, noNaN: true }),
);

/** Hourly buckets with traffic, each with at most its total bad. */
const buckets = fc
  .array(
    fc.integer({ min: 1, max: 100_000 }).chain(total =>
      fc.record({
        total: fc.constant(total),
        bad: fc.integer({ min: 0, max: total }),
      }),
    ),
    { minLength: 1, maxLength: 48 },
  )
  .map(list =>
    list.map(
      (b, i): TimelineBucket => ({
        start: i * HOUR,
        good: b.total - b.bad,
        total: b.total,
      }),
    ),
  );

/** A 30-day period, `elapsed` of which has gone. */
function periodOf(elapsed: number): Period {
  const lengthMs = 30 * DAY;
  return {
    start: new Date(0),
    end: new Date(lengthMs),
    lengthMs,
    elapsedFraction: elapsed,
  };
}

const totals = (list: readonly TimelineBucket[]) => {
  const total = list.reduce((s, b) => s + b.total, 0);
  const bad = list.reduce((s, b) => s + b.total - b.good, 0);
  return { total, bad };
};

function evaluate(
  list: readonly TimelineBucket[],
  t: number,
  elapsed: number,
  extra: Partial<EvaluateObjectiveOptions> = {},
  windowErrorRatio?: number,
) {
  const { total, bad } = totals(list);
  const period = periodOf(elapsed);
  return evaluateObjective(
    {
      periodErrorRatio: bad / total,
      periodTotalEvents: total,
      windowErrorRatios:
        windowErrorRatio === undefined
          ? {}
          : { [HOUR]: windowErrorRatio, [HOUR / 12]: windowErrorRatio },
    },
    {
      target: t,
      budgetingMethod: 'Occurrences',
      period,
      calendar: elapsed < 1,
      tiers: alertTiersForPeriod(period.lengthMs).slice(0, 1),
      ...extra,
    },
  );
}

const elapsed = fc.double({ min: 0.001, max: 1, noNaN: true });

describe('the error budget, as properties', () => {
  it("the chart's last point is the table's remaining budget", () => {
    fc.assert(
      fc.property(buckets, target, elapsed, (list, t, el) => {
        const points = burnDown(list, t, periodOf(el), HOUR);
        const last = points[points.length - 1];
        const table = evaluate(list, t, el).budget.remaining!;
        return close(last.remaining!, table);
      }),
    );
  });

  it('remaining falls as bad events rise, everything else equal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        target,
        elapsed,
        (total, a, b, t, el) => {
          const fewer = Math.floor(Math.min(a, b) * (total - 1));
          const more =
            fewer + 1 + Math.floor(Math.abs(a - b) * (total - 1 - fewer));
          const at = (bad: number) =>
            evaluate([{ start: 0, good: total - bad, total }], t, el).budget
              .remaining!;
          return at(more) < at(fewer);
        },
      ),
    );
  });

  it('rolling and calendar agree once the calendar period has fully elapsed', () => {
    fc.assert(
      fc.property(buckets, target, (list, t) => {
        const rolling = evaluate(list, t, 1, { calendar: false });
        const calendar = evaluate(list, t, 1, { calendar: true });
        return (
          close(rolling.budget.remaining!, calendar.budget.remaining!) &&
          close(rolling.budget.totalEvents!, calendar.budget.totalEvents!) &&
          close(
            rolling.budget.remainingTimeMs!,
            calendar.budget.remainingTimeMs!,
          )
        );
      }),
    );
  });

  it('the budget in time, events and slices tells the same story as the share', () => {
    fc.assert(
      fc.property(buckets, target, elapsed, (list, t, el) => {
        const { bad } = totals(list);
        const { budget } = evaluate(list, t, el);
        const slices = evaluate(list, t, el, {
          budgetingMethod: 'Timeslices',
          timeSliceMs: 60_000,
        }).budget;
        return (
          close(
            budget.remainingTimeMs! / budget.totalTimeMs,
            budget.remaining!,
          ) &&
          close(
            budget.remainingEvents! / budget.totalEvents!,
            budget.remaining!,
          ) &&
          // What has been spent is exactly the bad events counted so far.
          close(budget.totalEvents! - budget.remainingEvents!, bad) &&
          close(
            slices.remainingSlices! / slices.totalSlices!,
            slices.remaining!,
          )
        );
      }),
    );
  });

  it('time to exhaustion × burn rate = remaining × period, and the pace reads the same share', () => {
    fc.assert(
      fc.property(
        buckets,
        target,
        elapsed,
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        (list, t, el, windowRatio) => {
          const r = evaluate(list, t, el, {}, windowRatio);
          if (el < 1 && !close(r.pace!.spentFraction, r.budget.consumed!)) {
            return false;
          }
          if (r.budget.remaining! <= 0) return r.timeToExhaustionMs === 0;
          return close(
            r.timeToExhaustionMs! * r.burnRate!,
            r.budget.remaining! * 30 * DAY,
          );
        },
      ),
    );
  });
});
