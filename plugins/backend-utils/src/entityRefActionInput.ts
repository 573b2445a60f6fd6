import { ActionZod } from './ActionZod';

/**
 * The input schema of an action about one catalog entity, `{ entityRef }`,
 * described with an example name; read the value with entityRefInput.
 *
 * @public
 */
export function entityRefActionInput(z: ActionZod, exampleName: string) {
  return z.object({
    entityRef: z
      .string()
      .min(1)
      .describe(
        `The entity, e.g. "${exampleName}" or "component:default/${exampleName}"`,
      ),
  });
}
