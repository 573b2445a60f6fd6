import { InputError } from '@backstage/errors';
import {
  buildTimelineQuery,
  BuildTimelineQueryInput,
} from './buildTimelineQuery';

const MIN = 60_000;
const HOUR = 60 * MIN;
const AT = Date.UTC(2026, 11, 4, 10, 0, 30, 250);

const metric = (query: string) => ({
  metricSource: { metricSourceRef: 'prometheus', spec: { query } },
});

function build(over: Partial<BuildTimelineQueryInput> = {}) {
  return buildTimelineQuery({
    indicator: {
      ratioMetric: {
        counter: true,
        good: metric('ok_total'),
        total: metric('all_total'),
      },
    },
    objective: {},
    budgetingMethod: 'Occurrences',
    periodStartMs: AT - 2 * HOUR - 30_250,
    atMs: AT,
    stepMs: 30 * MIN,
    ...over,
  })!;
}

describe('buildTimelineQuery', () => {
  it('steps from the period start, the last one ending at the evaluation', () => {
    const plan = build();
    const start = AT - 2 * HOUR - 30_250;
    expect(plan.steps).toEqual([
      { start, end: start + 30 * MIN },
      { start: start + 30 * MIN, end: start + 60 * MIN },
      { start: start + 60 * MIN, end: start + 90 * MIN },
      { start: start + 90 * MIN, end: start + 120 * MIN },
      { start: start + 120 * MIN, end: AT },
    ]);
    // The whole steps are read at their ends; the rest at the evaluation.
    expect(plan.range).toEqual({
      startMs: start + 30 * MIN,
      endMs: start + 120 * MIN,
      stepMs: 30 * MIN,
    });
    const lines = plan.query.split('\nor\n');
    expect(lines).toEqual([
      `label_replace(label_replace(last_over_time((sum(increase(ok_total[7230250ms])))[1ms:${AT}ms] @ ${
        AT / 1000
      }), "slo_window", "period", "", ""), "slo_part", "good", "", "")`,
      `label_replace(label_replace(last_over_time((sum(increase(all_total[7230250ms])))[1ms:${AT}ms] @ ${
        AT / 1000
      }), "slo_window", "period", "", ""), "slo_part", "total", "", "")`,
      'label_replace(label_replace(sum(increase(ok_total[30m])), "slo_window", "step", "", ""), "slo_part", "good", "", "")',
      'label_replace(label_replace(sum(increase(all_total[30m])), "slo_window", "step", "", ""), "slo_part", "total", "", "")',
      `label_replace(label_replace(last_over_time((sum(increase(ok_total[30250ms])))[1ms:${AT}ms] @ ${
        AT / 1000
      }), "slo_window", "last", "", ""), "slo_part", "good", "", "")`,
      `label_replace(label_replace(last_over_time((sum(increase(all_total[30250ms])))[1ms:${AT}ms] @ ${
        AT / 1000
      }), "slo_window", "last", "", ""), "slo_part", "total", "", "")`,
    ]);
  });

  it('asks for the period alone when it fits in one step', () => {
    const plan = build({ periodStartMs: AT - 10 * MIN });
    expect(plan.steps).toEqual([{ start: AT - 10 * MIN, end: AT }]);
    expect(plan.range).toEqual({ startMs: AT, endMs: AT, stepMs: 30 * MIN });
    expect(plan.query.split('\nor\n')).toHaveLength(2);
  });

  it('folds a last step shorter than a second into the one before', () => {
    const plan = build({ periodStartMs: AT - 2 * HOUR - 250 });
    expect(plan.steps).toHaveLength(4);
    expect(plan.steps[3]).toEqual({ start: AT - 30 * MIN - 250, end: AT });
  });

  it('draws nothing in the first second of a period', () => {
    expect(build({ periodStartMs: AT - 999 })).toBeUndefined();
  });

  it('refuses steps it cannot draw, naming why', () => {
    expect(() => build({ stepMs: 1500.5 })).toThrow(InputError);
    expect(() =>
      build({
        budgetingMethod: 'Timeslices',
        objective: { timeSliceTarget: 0.9 },
        timeSliceMs: 7 * MIN,
      }),
    ).toThrow(
      'a timeline step of 1800000 ms does not hold whole slices of 420000 ms',
    );
    expect(() => build({ stepMs: 1000, periodStartMs: AT - HOUR })).toThrow(
      'a timeline of 3600000 ms in steps of 1000 ms has 3600 points; at most 2000 are drawn',
    );
  });
});
