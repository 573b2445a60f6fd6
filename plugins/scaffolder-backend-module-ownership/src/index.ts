/**
 * Scaffolder actions that set responsibilities, register teams with their
 * topology and look up who is responsible for an entity.
 *
 * @packageDocumentation
 */

export { scaffolderModuleOwnership as default } from './module';
export { createSetResponsibilitiesAction } from './actions/setResponsibilitiesAction';
export { createTeamAction } from './actions/createTeamAction';
export { createLookupAction } from './actions/lookupAction';
