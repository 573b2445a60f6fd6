import { createTemplateAction } from '@backstage/plugin-scaffolder-node';

type ActionSchema = NonNullable<
  Parameters<typeof createTemplateAction>[0]['schema']
>;

/**
 * One field of a template action's input or output schema. Lets a schema
 * live in a const of its own, outside the createTemplateAction call:
 * `const input = { … } satisfies Record<string, ActionSchemaField>`.
 *
 * @remarks
 * Derived from createTemplateAction rather than written against zod, so that
 * it means the scaffolder's zod: a module's own zod may be another copy whose
 * types do not match, and declarations that name it fail (TS2742).
 *
 * @public
 */
export type ActionSchemaField = Exclude<
  NonNullable<ActionSchema['input']>,
  (...args: any[]) => unknown
>[string];
