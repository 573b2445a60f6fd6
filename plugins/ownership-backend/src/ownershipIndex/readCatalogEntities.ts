import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { queryAllEntities } from '@triad/backend-utils';
import { RESPONSIBILITY_KINDS } from '@triad/plugin-ownership-common';

/**
 * The fields the index reads; everything else stays in the catalog.
 */
export const INDEX_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.description',
  'metadata.annotations',
  'spec.type',
  'spec.lifecycle',
  'spec.profile',
  'spec.responsibilities',
  'spec.topology',
  'relations',
];

/** The kinds the index reads. */
const INDEX_KINDS = [...RESPONSIBILITY_KINDS, 'Group', 'User'];

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
