import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * On the source entity of a `dependsOn` relation: the targets it has a
 * fallback for, comma-separated entity references (default kind component).
 */
export const SOFT_DEPENDENCIES_ANNOTATION = 'triad.dev/soft-dependencies';

/** The references of a `triad.dev/soft-dependencies` value, as full refs. */
export function parseSoftDependencies(
  value: string | undefined,
  defaultNamespace = 'default',
): string[] {
  return (value ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)
    .map(ref =>
      stringifyEntityRef(
        parseEntityRef(ref, { defaultKind: 'component', defaultNamespace }),
      ),
    );
}

/** The `dependsOn` edges out of one entity. */
export interface DependencyEdges {
  dependsOn: string[];
  /** The targets among `dependsOn` the entity has a fallback for. */
  soft: string[];
}

/** An entity reached from the root. */
export interface WalkedDependency {
  ref: string;
  /** From the root (first) to the dependency (last). */
  path: string[];
  /** True when every path to it passes a soft edge. */
  soft: boolean;
}

/**
 * Every entity reachable from `root` through `dependsOn`, each once, by its
 * shortest path (hard ones first, then nearest first, then by ref): first along hard edges only (those are the hard
 * dependencies), then along any edge (what is left is soft: something on the
 * way has a fallback). A visited set makes cycles end the walk.
 *
 * @param edgesOf - undefined for an entity that cannot be read; it is
 *   counted in `hidden` and nothing behind it is reached through it.
 */
export function walkDependencies(
  root: string,
  edgesOf: (ref: string) => DependencyEdges | undefined,
): { dependencies: WalkedDependency[]; hidden: string[] } {
  const hidden = new Set<string>();
  const walk = (hardOnly: boolean) => {
    const paths = new Map<string, string[]>([[root, [root]]]);
    let level = [root];
    while (level.length) {
      const next: string[] = [];
      for (const ref of level) {
        const edges = edgesOf(ref);
        if (!edges) {
          hidden.add(ref);
          continue;
        }
        for (const target of edges.dependsOn) {
          if (paths.has(target)) continue;
          if (hardOnly && edges.soft.includes(target)) continue;
          paths.set(target, [...paths.get(ref)!, target]);
          next.push(target);
        }
      }
      level = next;
    }
    paths.delete(root);
    return paths;
  };
  const hard = walk(true);
  const any = walk(false);
  const dependencies = [...any].flatMap(([ref, path]) => {
    if (hidden.has(ref)) return [];
    const hardPath = hard.get(ref);
    return [{ ref, path: hardPath ?? path, soft: !hardPath }];
  });
  // The catalog does not keep the order of `dependsOn`; this order does not
  // depend on it.
  dependencies.sort(
    (a, b) =>
      Number(a.soft) - Number(b.soft) ||
      a.path.length - b.path.length ||
      a.ref.localeCompare(b.ref),
  );
  return { dependencies, hidden: [...hidden] };
}
