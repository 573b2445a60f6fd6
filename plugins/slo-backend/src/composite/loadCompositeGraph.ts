import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { compositeParts, SloDocument } from '@triad/plugin-slo-common';
import { sloDocumentOf } from '../evaluation/SloDefinitions';

/** An SLO reachable from a composite: its entity and validated document. */
export interface CompositeNode {
  entity: Entity;
  doc: SloDocument;
}

/**
 * Every SLO reachable from `root` through `sloRef`s, by name, in the root's
 * namespace: one catalog request per level of nesting, each name asked once
 * (so a cycle ends the walk instead of looping).
 */
export async function loadCompositeGraph(
  catalog: CatalogService,
  namespace: string,
  root: SloDocument,
  credentials: BackstageCredentials,
): Promise<Map<string, CompositeNode>> {
  const nodes = new Map<string, CompositeNode>();
  const asked = new Set<string>([root.metadata.name]);
  let next = partNames(root, asked);
  while (next.length) {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: next.map(n => `slo:${namespace}/${n}`) },
      { credentials },
    );
    const found: CompositeNode[] = [];
    for (const entity of items) {
      const doc = entity && sloDocumentOf(entity);
      if (entity && doc) found.push({ entity, doc });
    }
    for (const node of found) nodes.set(node.doc.metadata.name, node);
    next = found.flatMap(node => partNames(node.doc, asked));
  }
  return nodes;
}

/** The part names of `doc` not asked for yet; marks them asked. */
function partNames(doc: SloDocument, asked: Set<string>): string[] {
  const names: string[] = [];
  for (const { sloRef } of compositeParts(doc.spec)) {
    if (!asked.has(sloRef)) {
      asked.add(sloRef);
      names.push(sloRef);
    }
  }
  return names;
}
