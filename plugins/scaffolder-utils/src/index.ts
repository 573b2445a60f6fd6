/**
 * Helpers shared by the Triad scaffolder actions.
 *
 * @packageDocumentation
 */

export * from './workspaceFiles';
export * from './upsertYamlDocument';
export * from './parseEntityRefInput';
export * from './ActionSchemaField';
