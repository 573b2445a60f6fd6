/*
 * Inner parts of the ownership backend, for the benchmarks (bench/) that
 * measure them on their own. Not a stable API: they change with the backend.
 */
export { OwnershipIndex } from '../ownershipIndex/OwnershipIndex';
export { readCatalogEntities } from '../ownershipIndex/readCatalogEntities';
export { entityOwnership } from '../service/queries/entityOwnership';
export { groupResponsibilities } from '../service/queries/groupResponsibilities';
export { lookup } from '../service/queries/lookup';
