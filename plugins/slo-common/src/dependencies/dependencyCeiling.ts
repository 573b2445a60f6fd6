import {
  CeilingDependency,
  DependencyCeiling,
} from '../api/dependencyCeilingTypes';

/**
 * The availability a service's dependencies allow. Hard dependencies are in
 * series, so the best the service can do is the product of theirs:
 * `targetCeiling = Π min(targetᵢ)`, `measuredCeiling = Π min(sliᵢ)` over the
 * hard dependencies with SLOs of the kind; a dependency with several SLOs of
 * the kind counts once, with its lowest target (and lowest SLI). Soft
 * dependencies have a fallback: listed, not multiplied. Without hard
 * dependencies there is no ceiling; with one whose SLOs have no data, no
 * measured ceiling. Dependencies without SLOs of the kind are left out.
 */
export function dependencyCeiling(
  dependencies: CeilingDependency[],
): DependencyCeiling {
  const withSlos = dependencies.filter(d => d.slos.length);
  const hard = withSlos.filter(d => !d.soft);
  const lowest = (values: Array<number | undefined>) => {
    const known = values.filter((v): v is number => v !== undefined);
    return known.length ? Math.min(...known) : undefined;
  };
  const targets = hard.map(d => lowest(d.slos.map(s => s.target)));
  const slis = hard.map(d => lowest(d.slos.map(s => s.sli)));
  const product = (values: Array<number | undefined>) =>
    values.length && values.every(v => v !== undefined)
      ? values.reduce((p: number, v) => p * v!, 1)
      : undefined;
  return {
    targetCeiling: product(targets),
    measuredCeiling: product(slis),
    dependencies: withSlos,
  };
}

/**
 * Whether a target asks for more than the dependencies allow. Products such
 * as 0.9995 × 0.999 are not exact in binary, so a target equal to the
 * ceiling up to rounding is not above it.
 */
export function targetAboveCeiling(
  target: number,
  ceiling: number | undefined,
): boolean {
  return ceiling !== undefined && target - ceiling > 1e-12;
}
