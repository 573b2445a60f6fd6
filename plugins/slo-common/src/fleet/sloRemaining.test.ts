import { SloResult } from '../api/types';
import { sloRemaining } from './sloRemaining';

const slo = (remaining: (number | undefined)[]) =>
  ({
    objectives: remaining.map(r => ({ budget: { remaining: r } })),
  } as unknown as SloResult);

describe('sloRemaining', () => {
  it('is the least budget left of any objective with data', () => {
    expect(sloRemaining(slo([0.5, -0.2, undefined]))).toBe(-0.2);
    expect(sloRemaining(slo([0.9]))).toBe(0.9);
  });

  it('is undefined when no objective has data, never 0 or 1', () => {
    expect(sloRemaining(slo([undefined, undefined]))).toBeUndefined();
    expect(sloRemaining(slo([]))).toBeUndefined();
  });

  it("is a composite's own remaining budget, which has no objectives", () => {
    expect(
      sloRemaining({
        objectives: [],
        composite: { parts: 2, remaining: 0.75 },
      }),
    ).toBe(0.75);
    expect(
      sloRemaining({ objectives: [], composite: { parts: 2 } }),
    ).toBeUndefined();
  });
});
