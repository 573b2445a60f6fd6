import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** The fields that identify an entity: all a visibility check needs. */
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

/**
 * Which of `entityRefs` the caller may read: those the catalog returns for
 * the caller's credentials, asked in one `getEntitiesByRefs` request (the
 * catalog client splits a long list into chunks). A reference to nothing in
 * the catalog is not readable.
 *
 * @public
 */
export async function readableEntityRefs(
  catalog: CatalogService,
  entityRefs: Iterable<string>,
  options: { credentials: BackstageCredentials },
): Promise<Set<string>> {
  const unique = [...new Set(entityRefs)];
  if (!unique.length) return new Set();
  const { items } = await catalog.getEntitiesByRefs(
    { entityRefs: unique, fields: REF_FIELDS },
    options,
  );
  return new Set(unique.filter((_, i) => items[i]));
}
