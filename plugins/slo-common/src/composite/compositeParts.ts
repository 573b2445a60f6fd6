import type { SloSpec } from '../openslo/schema';

/** One part of a composite SLO: the objective that names another SLO. */
export interface CompositePart {
  /** The field naming the part, e.g. `spec.objectives[1].sloRef`. */
  path: string;
  /** The part SLO's name, in the composite's namespace. */
  sloRef: string;
  /** `compositeWeight`; OpenSLO's default is 1. */
  weight: number;
}

/**
 * The parts of a composite SLO, in objective order; empty for a plain SLO.
 * OpenSLO v1 gives objectives a `compositeWeight` but no field naming another
 * SLO, so Triad adds one: `sloRef` on the objective (validation keeps a
 * composite's objectives all parts, never a mix with SLIs).
 */
export function compositeParts(
  spec: Pick<SloSpec, 'objectives'>,
): CompositePart[] {
  return spec.objectives.flatMap((o, i) =>
    o.sloRef
      ? [
          {
            path: `spec.objectives[${i}].sloRef`,
            sloRef: o.sloRef,
            weight: o.compositeWeight ?? 1,
          },
        ]
      : [],
  );
}

/** Whether an SLO is a composite of other SLOs. */
export function isCompositeSlo(spec: Pick<SloSpec, 'objectives'>): boolean {
  return spec.objectives.some(o => o.sloRef !== undefined);
}
