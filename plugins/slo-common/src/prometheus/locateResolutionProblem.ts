import { ResolutionProblem } from '../openslo/resolvedSlo';
import { OpenSloFileProblem } from './readOpenSloFiles';
import { SloScope } from './sloRulesScope';

/**
 * A problem of the resolver as a file problem: at the referenced document
 * when the field at fault is in one (the author has to change that file), at
 * the SLO otherwise.
 */
export function locateResolutionProblem(
  problem: ResolutionProblem,
  { slo, at, find }: Pick<SloScope, 'slo' | 'at' | 'find'>,
): OpenSloFileProblem {
  const inside = problem.inDocument;
  const located = inside && find(inside.kind, inside.name);
  if (!inside || !located) return at(problem.path, problem.message);
  return {
    file: located.file,
    index: located.index,
    line: located.line,
    kind: inside.kind,
    name: located.document.metadata.name,
    path: inside.path,
    message: `${problem.message} (used by SLO "${slo.metadata.name}")`,
  };
}
