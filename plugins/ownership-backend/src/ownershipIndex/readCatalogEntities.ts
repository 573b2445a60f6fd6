import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { queryAllEntities } from '@triad/backend-utils';
import { INDEX_FIELDS, INDEX_KINDS } from './OwnershipIndex';

/**
 * Reads every entity the index needs, page by page with a field projection,
 * rather than one request per entity.
 */
export function readCatalogEntities(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  pageSize = 500,
): Promise<Entity[]> {
  return queryAllEntities(
    catalog,
    { filter: { kind: INDEX_KINDS }, fields: INDEX_FIELDS, pageSize },
    { credentials },
  );
}

/** How many entities readCatalogEntities would read: one count, no entities. */
export async function countCatalogEntities(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<number> {
  const { totalItems } = await catalog.queryEntities(
    { filter: { kind: INDEX_KINDS }, fields: ['kind'], limit: 1 },
    { credentials },
  );
  return totalItems;
}
