import { ResolutionProblem } from './resolvedSlo';

/**
 * One line for a problem of resolveSlo, for logs and API errors:
 * `spec.indicatorRef: SLI "checkout" spec.ratioMetric.good.metricSource.metricSourceRef: DataSource "prom" was not found`.
 */
export function formatResolutionProblem(problem: ResolutionProblem): string {
  const inside = problem.inDocument
    ? `${problem.inDocument.kind} "${problem.inDocument.name}" ${problem.inDocument.path}: `
    : '';
  return `${problem.path}: ${inside}${problem.message}`;
}
