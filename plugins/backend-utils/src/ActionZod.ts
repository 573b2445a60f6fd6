import { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';

/**
 * The zod the actions registry hands to schema callbacks. Shared schemas are
 * built with it rather than an imported zod, whose copy may differ.
 *
 * @public
 */
export type ActionZod = Parameters<
  ActionsRegistryActionOptions<any, any>['schema']['input']
>[0];
