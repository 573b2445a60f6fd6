import { evaluateComposite } from './evaluateComposite';

const api = 'slo:default/payments-api-availability';
const ledger = 'slo:default/ledger-availability';

describe('evaluateComposite', () => {
  it('weighs each part by its compositeWeight', () => {
    // Weights 3 and 1; consumed 0.2 and 0.6.
    // Σ w = 4; contributions 3·0.2/4 = 0.15 and 1·0.6/4 = 0.15;
    // consumed = 0.3, remaining = 0.7.
    const result = evaluateComposite([
      { ref: api, weight: 3, consumed: 0.2 },
      { ref: ledger, weight: 1, consumed: 0.6 },
    ]);
    expect(result.consumed).toBeCloseTo(0.3, 12);
    expect(result.remaining).toBeCloseTo(0.7, 12);
    expect(result.status).toBe('healthy');
    expect(result.parts.map(p => p.contribution)).toEqual([
      expect.closeTo(0.15, 12),
      expect.closeTo(0.15, 12),
    ]);
    expect(result.parts.map(p => p.weightShare)).toEqual([0.75, 0.25]);
    expect(result.noData).toEqual([]);
  });

  it('moves by wᵢ/Σw of the change in one part', () => {
    // The ledger part goes from 0.6 to 2.2 consumed (overspent):
    // its contribution becomes 1·2.2/4 = 0.55, the api's stays 0.15;
    // consumed = 0.7, remaining = 0.3 — up by (2.2 − 0.6)/4 = 0.4.
    const result = evaluateComposite([
      { ref: api, weight: 3, consumed: 0.2 },
      { ref: ledger, weight: 1, consumed: 2.2 },
    ]);
    expect(result.consumed).toBeCloseTo(0.7, 12);
    expect(result.remaining).toBeCloseTo(0.3, 12);
    expect(result.status).toBe('healthy');
  });

  it('is breached when the weighted consumption passes the whole budget', () => {
    // Weights 1 and 1; consumed 0.5 and 1.7: (0.5 + 1.7)/2 = 1.1 → remaining −0.1.
    const result = evaluateComposite([
      { ref: api, weight: 1, consumed: 0.5 },
      { ref: ledger, weight: 1, consumed: 1.7 },
    ]);
    expect(result.remaining).toBeCloseTo(-0.1, 12);
    expect(result.status).toBe('breached');
  });

  it('leaves a part without data out of both sums and reports it', () => {
    // Only the api part is measured: consumed = 3·0.2/3 = 0.2.
    const result = evaluateComposite([
      { ref: api, weight: 3, consumed: 0.2 },
      { ref: ledger, weight: 1 },
    ]);
    expect(result.consumed).toBeCloseTo(0.2, 12);
    expect(result.noData).toEqual([ledger]);
    expect(result.parts[1]).toEqual({
      ref: ledger,
      weight: 1,
      weightShare: 0,
    });
  });

  it('has no data when no part has data, never 0 % or 100 %', () => {
    const result = evaluateComposite([{ ref: api, weight: 1 }]);
    expect(result.consumed).toBeUndefined();
    expect(result.remaining).toBeUndefined();
    expect(result.status).toBe('no-data');
  });

  it.each([0, -1, NaN])('refuses a weight of %p', weight => {
    expect(() =>
      evaluateComposite([{ ref: api, weight, consumed: 0 }]),
    ).toThrow(
      /weight of slo:default\/payments-api-availability must be above 0/,
    );
  });
});
