import {
  budgetSlices,
  countSlices,
  ratioTimesliceSli,
  timesliceSli,
} from './timeslices';

describe('time slices', () => {
  it('allows 43.2 bad one-minute slices for 99.9 % over 30 days', () => {
    // 30 d = 43,200 min; 0.1 % of that is 43.2.
    expect(budgetSlices(0.999, 30 * 86_400_000, 60_000)).toBeCloseTo(43.2, 9);
  });

  it('judges ratio slices against timeSliceTarget and leaves quiet slices out', () => {
    const counts = countSlices(
      [
        { good: 100, total: 100 }, // 100 %: good
        { good: 95, total: 100 }, // exactly the slice target: good
        { good: 94, total: 100 }, // below: bad
        { good: 0, total: 0 }, // no traffic: no data
      ],
      { kind: 'ratio', timeSliceTarget: 0.95 },
    );
    expect(counts).toEqual({ good: 2, bad: 1, noData: 1 });
    // 2 good of 3 judged slices.
    expect(timesliceSli(counts)).toBeCloseTo(2 / 3, 12);
  });

  it('judges threshold slices with the objective operator', () => {
    const counts = countSlices(
      [{ value: 0.2 }, { value: 0.3 }, { value: 0.31 }, { value: undefined }],
      { kind: 'threshold', op: 'lte', value: 0.3 },
    );
    expect(counts).toEqual({ good: 2, bad: 1, noData: 1 });
  });

  it('has no SLI when no slice has data', () => {
    expect(timesliceSli({ good: 0, bad: 0, noData: 10 })).toBeUndefined();
    expect(ratioTimesliceSli([{ good: 0, total: 0 }])).toBeUndefined();
  });

  it('averages slice ratios for RatioTimeslices, whatever each slice traffic', () => {
    // (1.0 + 0.5) / 2 = 0.75, although 1001 of 1002 events were good.
    expect(
      ratioTimesliceSli([
        { good: 1000, total: 1000 },
        { good: 1, total: 2 },
        { good: 0, total: 0 },
      ]),
    ).toBeCloseTo(0.75, 12);
  });
});
