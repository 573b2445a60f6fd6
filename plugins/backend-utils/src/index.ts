/**
 * What the Triad backend plugins share: reading the catalog page by page,
 * which entities a caller may read, and 503 answers while a plugin warms up
 * or its database is away.
 *
 * @packageDocumentation
 */

export { entityRefInput } from './entityRefInput';
export { CatalogMemory } from './CatalogMemory';
export type { CallerCatalog, CatalogStaleness } from './CatalogMemory';
export { isDatabaseUnavailable } from './isDatabaseUnavailable';
export {
  DATABASE_RETRY_AFTER_SECONDS,
  NotReadyError,
  notReadyHandler,
} from './NotReadyError';
export { queryAllEntities } from './queryAllEntities';
export { readableEntityRefs } from './readableEntityRefs';
export { readsEveryEntity } from './readsEveryEntity';
