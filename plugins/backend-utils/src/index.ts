/**
 * What the Triad backend plugins share: reading the catalog page by page,
 * which entities a caller may read, 503 answers while a plugin warms up
 * or its database is away, and the inputs of actions for AI assistants.
 *
 * @packageDocumentation
 */

export { entityRefInput } from './entityRefInput';
export { entityRefActionInput } from './entityRefActionInput';
export type { ActionZod } from './ActionZod';
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
