/**
 * What the Triad backend plugins share: reading the catalog page by page,
 * which entities a caller may read, and 503 answers while a plugin warms up.
 *
 * @packageDocumentation
 */

export { NotReadyError, notReadyHandler } from './NotReadyError';
export { queryAllEntities } from './queryAllEntities';
export { readableEntityRefs } from './readableEntityRefs';
