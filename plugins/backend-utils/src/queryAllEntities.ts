import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { EntityFilterQuery } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Every entity matching `filter`, read page by page (`queryEntities` with a
 * cursor) rather than in one response or one request per entity. `fields`
 * projects every page.
 *
 * @public
 */
export async function queryAllEntities(
  catalog: CatalogService,
  query: { filter: EntityFilterQuery; fields?: string[]; pageSize?: number },
  options: { credentials: BackstageCredentials },
): Promise<Entity[]> {
  const { filter, fields, pageSize = 500 } = query;
  const entities: Entity[] = [];
  let page = await catalog.queryEntities(
    { filter, fields, limit: pageSize },
    options,
  );
  for (;;) {
    entities.push(...page.items);
    const cursor = page.pageInfo.nextCursor;
    // An empty page ends the read even with a cursor: nothing can follow it.
    if (!cursor || page.items.length === 0) return entities;
    page = await catalog.queryEntities(
      { cursor, fields, limit: pageSize },
      options,
    );
  }
}
