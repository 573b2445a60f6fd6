import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DependencyEdges,
  parseSoftDependencies,
  SOFT_DEPENDENCIES_ANNOTATION,
} from '@triad/plugin-slo-common';

/** The `dependsOn` targets of an entity, and those it marks soft. */
export function dependencyEdgesOf(entity: Entity): DependencyEdges {
  return {
    dependsOn: (entity.relations ?? [])
      .filter(r => r.type === RELATION_DEPENDS_ON)
      .map(r => r.targetRef),
    soft: parseSoftDependencies(
      entity.metadata.annotations?.[SOFT_DEPENDENCIES_ANNOTATION],
      entity.metadata.namespace,
    ),
  };
}

/**
 * Every entity reachable from `root` through `dependsOn`, read with the
 * caller's credentials: one catalog request per level, each ref asked once
 * (so a cycle ends the walk). A ref the caller may not read maps to
 * undefined, and what lies behind it is not asked for.
 */
export async function loadDependencyGraph(
  catalog: CatalogService,
  root: Entity,
  credentials: BackstageCredentials,
): Promise<Map<string, Entity | undefined>> {
  const graph = new Map<string, Entity | undefined>([
    [stringifyEntityRef(root), root],
  ]);
  let level = [root];
  while (level.length) {
    const next = [
      ...new Set(level.flatMap(e => dependencyEdgesOf(e).dependsOn)),
    ].filter(ref => !graph.has(ref));
    if (!next.length) break;
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: next },
      { credentials },
    );
    next.forEach((ref, i) => graph.set(ref, items[i] ?? undefined));
    level = items.filter((e): e is Entity => !!e);
  }
  return graph;
}
