import type { SloSpec } from '../openslo/schema';
import { compositeParts } from './compositeParts';

/** A problem with a composite's parts, on the field that names the part. */
export interface CompositeGraphProblem {
  path: string;
  message: string;
}

type Lookup = (name: string) => Pick<SloSpec, 'objectives'> | undefined;

/**
 * What only the other SLOs can tell about a composite named `name`: parts
 * that do not exist, and parts that lead back to it (a composite may hold
 * composites, never itself). `lookup` finds an SLO's spec by name in the
 * composite's namespace. Depth-first with a path, so a cycle is reported
 * with its members, once per part that starts it.
 */
export function compositeGraphProblems(
  name: string,
  spec: Pick<SloSpec, 'objectives'>,
  lookup: Lookup,
): CompositeGraphProblem[] {
  const problems: CompositeGraphProblem[] = [];
  for (const part of compositeParts(spec)) {
    if (part.sloRef === name) {
      problems.push({ path: part.path, message: 'names this SLO itself' });
      continue;
    }
    const found = lookup(part.sloRef);
    if (!found) {
      problems.push({
        path: part.path,
        message: `no SLO named "${part.sloRef}"`,
      });
      continue;
    }
    const cycle = pathBackTo(name, part.sloRef, lookup, new Set());
    if (cycle) {
      problems.push({
        path: part.path,
        message: `leads back to this SLO: ${[name, part.sloRef, ...cycle].join(
          ' → ',
        )}`,
      });
    }
  }
  return problems;
}

/** The names after `from` on a way back to `target`, or undefined. */
function pathBackTo(
  target: string,
  from: string,
  lookup: Lookup,
  visited: Set<string>,
): string[] | undefined {
  if (visited.has(from)) return undefined;
  visited.add(from);
  const spec = lookup(from);
  if (!spec) return undefined;
  for (const part of compositeParts(spec)) {
    if (part.sloRef === target) return [target];
    const rest = pathBackTo(target, part.sloRef, lookup, visited);
    if (rest) return [part.sloRef, ...rest];
  }
  return undefined;
}
