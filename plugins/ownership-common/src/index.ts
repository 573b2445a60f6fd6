/**
 * Role model, relation names, validation of the ownership YAML blocks, the
 * ownership resolution rules and the API types and client shared by the Triad
 * ownership plugins.
 *
 * @packageDocumentation
 */

export * from './model/roles';
export * from './model/relations';
export * from './model/types';
export { formatOwnershipProblem } from './model/problems';
export type { OwnershipProblem } from './model/problems';
export { normalizeEntityRef } from './model/refs';
export * from './model/parseResponsibilities';
export * from './model/parseTopology';
export * from './model/interactions';
export * from './resolution/resolveOwnership';
export * from './api/types';
export * from './api/lookupTypes';
export * from './api/coverageTypes';
export * from './api/topologyTypes';
export * from './api/OwnershipClient';
