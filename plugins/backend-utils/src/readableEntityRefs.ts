import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** The fields that identify an entity: all a visibility check needs. */
const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];
/** References per request, as the catalog client would split them. */
const CHUNK = 1000;
/**
 * Requests in flight at once. The catalog client sends a long list's chunks
 * one after another; a fleet of 10,000 SLOs and their services is 12 of
 * them, which the catalog answers faster side by side.
 */
const PARALLEL = 4;

/**
 * Which of `entityRefs` the caller may read: those the catalog returns for
 * the caller's credentials, asked with `getEntitiesByRefs` (one request per
 * 1,000 references, up to four at once). A reference to nothing in the
 * catalog is not readable.
 *
 * @public
 */
export async function readableEntityRefs(
  catalog: CatalogService,
  entityRefs: Iterable<string>,
  options: { credentials: BackstageCredentials },
): Promise<Set<string>> {
  const unique = [...new Set(entityRefs)];
  const found = new Array<boolean>(unique.length).fill(false);
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const start = next;
      next += CHUNK;
      const refs = unique.slice(start, start + CHUNK);
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: refs, fields: REF_FIELDS },
        options,
      );
      refs.forEach((_, i) => {
        found[start + i] = Boolean(items[i]);
      });
    }
  };
  const chunks = Math.ceil(unique.length / CHUNK);
  await Promise.all(Array.from({ length: Math.min(PARALLEL, chunks) }, worker));
  return new Set(unique.filter((_, i) => found[i]));
}
