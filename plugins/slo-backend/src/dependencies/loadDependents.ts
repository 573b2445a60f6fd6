import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_DEPENDENCY_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** An entity that depends on the root, directly or through others. */
export interface Dependent {
  ref: string;
  entity: Entity;
  /** From the dependent (first) down to the root (last). */
  path: string[];
}

/**
 * The entities that depend on `root` (its `dependencyOf` relations,
 * transitively, nearest first), read with the caller's credentials: one
 * catalog request per level, each ref once (a cycle ends the walk). What the
 * caller may not read is left out with what depends on the root only
 * through it. At most `cap` dependents; `truncated` says when more were
 * there.
 */
export async function loadDependents(
  catalog: CatalogService,
  root: Entity,
  credentials: BackstageCredentials,
  cap: number,
): Promise<{ dependents: Dependent[]; truncated: boolean }> {
  const rootRef = stringifyEntityRef(root);
  const paths = new Map<string, string[]>([[rootRef, [rootRef]]]);
  const dependents: Dependent[] = [];
  let level = [root];
  while (level.length) {
    const next = new Map<string, string[]>();
    for (const entity of level) {
      const from = paths.get(stringifyEntityRef(entity))!;
      for (const r of entity.relations ?? []) {
        if (r.type !== RELATION_DEPENDENCY_OF) continue;
        if (paths.has(r.targetRef) || next.has(r.targetRef)) continue;
        next.set(r.targetRef, [r.targetRef, ...from]);
      }
    }
    const refs = [...next.keys()].sort();
    if (!refs.length) break;
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials },
    );
    level = [];
    for (const [i, ref] of refs.entries()) {
      paths.set(ref, next.get(ref)!);
      const entity = items[i];
      if (!entity) continue;
      if (dependents.length === cap) return { dependents, truncated: true };
      dependents.push({ ref, entity, path: next.get(ref)! });
      level.push(entity);
    }
  }
  return { dependents, truncated: false };
}
