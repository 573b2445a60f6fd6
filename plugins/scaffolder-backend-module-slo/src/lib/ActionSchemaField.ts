import { createTemplateAction } from '@backstage/plugin-scaffolder-node';

type ActionSchema = NonNullable<
  Parameters<typeof createTemplateAction>[0]['schema']
>;

/**
 * One field of a template action's input or output schema, taken from
 * createTemplateAction so that it means the scaffolder's zod (this package's
 * own zod is another copy whose types do not match). Lets a schema live in a
 * const of its own, outside the createTemplateAction call.
 */
export type ActionSchemaField = Exclude<
  NonNullable<ActionSchema['input']>,
  (...args: any[]) => unknown
>[string];
