import type { SloObjective } from '../openslo/schema';

interface CompositeSpecFields {
  indicator?: unknown;
  indicatorRef?: string;
  objectives: SloObjective[];
}

/**
 * What a single composite SLO document gets wrong on its own: every
 * objective must name a part (`sloRef`) and none may carry an SLI, on the
 * objective or the SLO — a composite measures its parts, nothing else.
 * Paths are relative to `spec`. The parts themselves are checked against the
 * other SLOs by compositeGraphProblems.
 */
export function compositeSpecProblems(
  spec: CompositeSpecFields,
): Array<{ path: (string | number)[]; message: string }> {
  const problems: Array<{ path: (string | number)[]; message: string }> = [];
  const noSli = 'cannot be given in a composite SLO: it measures its parts';
  if (spec.indicator !== undefined) {
    problems.push({ path: ['indicator'], message: noSli });
  }
  if (spec.indicatorRef !== undefined) {
    problems.push({ path: ['indicatorRef'], message: noSli });
  }
  spec.objectives.forEach((o, i) => {
    if (o.sloRef === undefined) {
      problems.push({
        path: ['objectives', i, 'sloRef'],
        message:
          'is required: in a composite SLO every objective names a part SLO',
      });
    }
    if (o.indicator !== undefined) {
      problems.push({ path: ['objectives', i, 'indicator'], message: noSli });
    }
    if (o.indicatorRef !== undefined) {
      problems.push({
        path: ['objectives', i, 'indicatorRef'],
        message: noSli,
      });
    }
  });
  return problems;
}
