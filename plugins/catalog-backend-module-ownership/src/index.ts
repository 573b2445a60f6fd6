/**
 * Validates `spec.responsibilities` and `spec.topology` and emits the Triad
 * ownership relations.
 *
 * @packageDocumentation
 */

export { catalogModuleOwnership as default } from './module';
export { OwnershipEntitiesProcessor } from './processor/OwnershipEntitiesProcessor';
