import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  OwnershipRole,
  parseResponsibilities,
} from '@triad/plugin-ownership-common';
import { ActionSchemaField, writeWorkspaceFile } from '@triad/scaffolder-utils';
import { refOf } from '../lib/chooseDocument';
import { editResponsibilities } from '../lib/editResponsibilities';
import { givenResponsibilities } from '../lib/givenResponsibilities';
import { planResponsibilities } from '../lib/planResponsibilities';
import { readCatalogFile } from '../lib/readCatalogFile';
import { examples } from './setResponsibilitiesAction.examples';

/** The declarative input schema; roles name the configured ones. */
function inputSchema(roleIds: readonly string[]) {
  return {
    path: z =>
      z
        .string()
        .optional()
        .describe(
          'The catalog file in the workspace; default catalog-info.yaml',
        ),
    entityRef: z =>
      z
        .string()
        .optional()
        .describe(
          'Which entity of the file to edit, e.g. component:default/checkout-service; needed when the file holds several Components, Systems, Domains, Resources or APIs',
        ),
    owner: z =>
      z
        .string()
        .optional()
        .describe(
          'New spec.owner: a group or user reference such as group:checkout-team. Left alone when not given',
        ),
    responsibilities: z =>
      z
        .array(
          z.object({
            role: z
              .string()
              .describe(`A configured role: ${roleIds.join(', ')}`),
            ref: z
              .string()
              .optional()
              .describe(
                'The group or user holding the role; an entry without ref (or with an empty one) is left out, so optional form fields can be passed through',
              ),
          }),
        )
        .optional()
        .describe(
          'New spec.responsibilities, replacing the list (or merged into it with merge). Left alone when not given',
        ),
    merge: z =>
      z
        .boolean()
        .optional()
        .describe(
          'Keep the roles already in the file that are not given. Default false: the list is replaced',
        ),
  } satisfies Record<string, ActionSchemaField>;
}

// The declarative output schema of the action.
const outputSchema = {
  path: z => z.string().describe('The catalog file that was edited'),
  entityRef: z => z.string().describe('The entity that was edited'),
  owner: z => z.string().optional().describe('spec.owner after the edit'),
  responsibilities: z =>
    z
      .array(z.object({ role: z.string(), ref: z.string() }))
      .describe('spec.responsibilities after the edit, references in full'),
  changed: z =>
    z.boolean().describe('False when the file already said all this'),
  content: z => z.string().describe('The text of the file after the edit'),
} satisfies Record<string, ActionSchemaField>;

/**
 * `ownership:responsibilities:set`: sets `spec.owner` and
 * `spec.responsibilities` of an entity in a catalog file of the workspace,
 * changing only those lines.
 *
 * @public
 */
export function createSetResponsibilitiesAction(options: {
  roles: readonly OwnershipRole[];
}) {
  const roleIds = options.roles.map(r => r.id);
  return createTemplateAction({
    id: 'ownership:responsibilities:set',
    description: `Sets spec.owner and spec.responsibilities of an entity in a catalog file of the workspace, changing only those lines: comments, key order and other documents stay as they are. Roles must be configured in ownership.roles (${roleIds.join(
      ', ',
    )}).`,
    supportsDryRun: true,
    examples,
    schema: { input: inputSchema(roleIds), output: outputSchema },
    async handler(ctx) {
      const { input, workspacePath } = ctx;
      const { file, relPath, text } = await readCatalogFile(
        workspacePath,
        input.path,
      );
      if (input.owner === undefined && input.responsibilities === undefined) {
        throw new InputError(
          'owner, responsibilities: give at least one of them',
        );
      }
      const given =
        input.responsibilities &&
        givenResponsibilities(
          input.responsibilities,
          options.roles,
          ctx.logger,
        );
      const responsibilities = planResponsibilities(
        text,
        {
          entityRef: input.entityRef,
          owner: input.owner,
          given,
          merge: input.merge,
        },
        { roles: options.roles, file: relPath },
      );

      const result = editResponsibilities(
        text,
        { owner: input.owner?.trim(), responsibilities },
        { entityRef: input.entityRef, file: relPath },
      );
      if (result.changed) {
        await writeWorkspaceFile(workspacePath, file, result.text, 'path');
      }
      const { entity } = result;
      const entityRef = refOf(entity);
      const fields = [
        input.owner !== undefined && 'owner',
        responsibilities && 'responsibilities',
      ].filter(Boolean);
      ctx.logger.info(
        result.changed
          ? `Set ${fields.join(' and ')} of ${entityRef} in ${relPath}`
          : `${relPath} already holds these responsibilities; left unchanged`,
      );
      ctx.output('path', relPath);
      ctx.output('entityRef', entityRef);
      const owner = input.owner?.trim() ?? entity.owner;
      if (typeof owner === 'string') ctx.output('owner', owner);
      const final = parseResponsibilities(
        responsibilities ?? entity.responsibilities,
        { roles: options.roles, namespace: entity.namespace },
      );
      ctx.output('responsibilities', final.responsibilities);
      ctx.output('changed', result.changed);
      ctx.output('content', result.text);
    },
  });
}
