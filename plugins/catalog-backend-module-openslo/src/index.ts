/**
 * OpenSLO v1 documents as Backstage catalog entities.
 *
 * @packageDocumentation
 */

export { catalogModuleOpenSlo as default } from './module';
export { OpenSloEntitiesProcessor } from './processor/OpenSloEntitiesProcessor';
