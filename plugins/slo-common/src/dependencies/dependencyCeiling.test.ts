import { CeilingDependency } from '../api/dependencyCeilingTypes';
import { dependencyCeiling, targetAboveCeiling } from './dependencyCeiling';

const dep = (
  ref: string,
  slos: Array<[number, number?]>,
  soft = false,
): CeilingDependency => ({
  ref,
  path: ['component:default/svc', ref],
  soft,
  slos: slos.map(([target, sli], i) => ({
    ref: `slo:default/${ref}-${i}`,
    target,
    ...(sli === undefined ? {} : { sli }),
  })),
});

describe('dependencyCeiling', () => {
  it('multiplies the hard dependencies: 0.9995 × 0.999 = 0.9985005', () => {
    const result = dependencyCeiling([
      dep('db', [[0.9995, 0.9999]]),
      dep('cluster', [[0.999, 0.998]]),
    ]);
    expect(result.targetCeiling).toBeCloseTo(0.9985005, 15);
    // Measured: 0.9999 × 0.998 = 0.9979002.
    expect(result.measuredCeiling).toBeCloseTo(0.9979002, 15);
    expect(result.dependencies.map(d => d.ref)).toEqual(['db', 'cluster']);
  });

  it('lists soft dependencies without multiplying them', () => {
    const result = dependencyCeiling([
      dep('db', [[0.9995, 0.9995]]),
      dep('cache', [[0.99, 0.9]], true),
    ]);
    expect(result.targetCeiling).toBe(0.9995);
    expect(result.measuredCeiling).toBe(0.9995);
    expect(result.dependencies.map(d => [d.ref, d.soft])).toEqual([
      ['db', false],
      ['cache', true],
    ]);
  });

  it('takes the lowest target and SLI of a dependency with several SLOs', () => {
    // db: min(0.9995, 0.999) = 0.999, min(0.9998, 0.9991) = 0.9991;
    // × cluster 0.99 / 0.995: 0.98901 and 0.9941045.
    const result = dependencyCeiling([
      dep('db', [
        [0.9995, 0.9991],
        [0.999, 0.9998],
      ]),
      dep('cluster', [[0.99, 0.995]]),
    ]);
    expect(result.targetCeiling).toBeCloseTo(0.98901, 15);
    expect(result.measuredCeiling).toBeCloseTo(0.9941045, 15);
  });

  it('has no measured ceiling when a hard dependency has no data', () => {
    const result = dependencyCeiling([
      dep('db', [[0.9995, 0.9999]]),
      dep('cluster', [[0.999]]),
    ]);
    expect(result.targetCeiling).toBeCloseTo(0.9985005, 15);
    expect(result.measuredCeiling).toBeUndefined();
  });

  it('has no ceiling without hard dependencies, and leaves out those without SLOs', () => {
    const result = dependencyCeiling([
      dep('queue', []),
      dep('cache', [[0.99, 0.99]], true),
    ]);
    expect(result).toEqual({
      targetCeiling: undefined,
      measuredCeiling: undefined,
      dependencies: [dep('cache', [[0.99, 0.99]], true)],
    });
  });
});

describe('targetAboveCeiling', () => {
  it('compares a target with the ceiling, up to rounding', () => {
    const ceiling = 0.9995 * 0.999;
    expect(targetAboveCeiling(0.999, ceiling)).toBe(true);
    expect(targetAboveCeiling(0.998, ceiling)).toBe(false);
    expect(targetAboveCeiling(0.9985005, ceiling)).toBe(false);
    expect(targetAboveCeiling(0.99999, undefined)).toBe(false);
  });
});
