import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  OwnershipRole,
  formatOwnershipProblem,
  parseResponsibilities,
} from '@triad/plugin-ownership-common';
import {
  ResponsibilityEntry,
  editResponsibilities,
} from '../lib/editResponsibilities';
import {
  readOptionalFile,
  resolveWorkspacePath,
  workspaceRelative,
  writeWorkspaceFile,
} from '@triad/scaffolder-utils';
import { examples } from './setResponsibilitiesAction.examples';

function checkOwner(owner: string, namespace: string): void {
  let kind: string;
  try {
    kind = parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: namespace,
    }).kind.toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(
      `owner: "${owner}" is not an entity reference such as group:checkout-team`,
    );
  }
  if (kind !== 'group' && kind !== 'user') {
    throw new InputError(
      `owner: must refer to a Group or a User, not a ${kind}`,
    );
  }
}

/**
 * Combines the entries given with those already in the file: given roles
 * replace existing ones in place, new roles are appended.
 */
function merged(
  existing: unknown,
  given: ResponsibilityEntry[],
): ResponsibilityEntry[] {
  const list = Array.isArray(existing)
    ? (existing as ResponsibilityEntry[]).map(e => ({ ...e }))
    : [];
  for (const entry of given) {
    const at = list.findIndex(e => e?.role === entry.role);
    if (at === -1) list.push(entry);
    else list[at] = entry;
  }
  return list;
}

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
  // Most of its length is the declarative input and output schema, kept
  // inline with the action as Backstage's own actions do.
  return createTemplateAction({
    id: 'ownership:responsibilities:set',
    description: `Sets spec.owner and spec.responsibilities of an entity in a catalog file of the workspace, changing only those lines: comments, key order and other documents stay as they are. Roles must be configured in ownership.roles (${roleIds.join(
      ', ',
    )}).`,
    supportsDryRun: true,
    examples,
    schema: {
      input: {
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
      },
      output: {
        path: z => z.string().describe('The catalog file that was edited'),
        entityRef: z => z.string().describe('The entity that was edited'),
        owner: z => z.string().optional().describe('spec.owner after the edit'),
        responsibilities: z =>
          z
            .array(z.object({ role: z.string(), ref: z.string() }))
            .describe(
              'spec.responsibilities after the edit, references in full',
            ),
        changed: z =>
          z.boolean().describe('False when the file already said all this'),
        content: z =>
          z.string().describe('The text of the file after the edit'),
      },
    },
    async handler(ctx) {
      const { input, workspacePath } = ctx;
      const file = resolveWorkspacePath(
        workspacePath,
        input.path ?? 'catalog-info.yaml',
        'path',
      );
      const relPath = workspaceRelative(workspacePath, file);
      const text = await readOptionalFile(file);
      if (text === undefined) {
        throw new InputError(
          `path: ${relPath} does not exist in the workspace`,
        );
      }
      if (input.owner === undefined && input.responsibilities === undefined) {
        throw new InputError(
          'owner, responsibilities: give at least one of them',
        );
      }

      const given: ResponsibilityEntry[] = [];
      for (const { role, ref } of input.responsibilities ?? []) {
        if (typeof ref === 'string' && ref.trim())
          given.push({ role, ref: ref.trim() });
        else ctx.logger.info(`Leaving out role ${role}: no ref given`);
      }
      // Check what was given, with paths the template author recognises.
      const checked = parseResponsibilities(given, { roles: options.roles });
      if (checked.problems.length) {
        throw new InputError(
          `Invalid responsibilities: ${checked.problems
            .map(p =>
              formatOwnershipProblem({
                ...p,
                path: p.path.replace(
                  /^spec\.responsibilities/,
                  'responsibilities',
                ),
              }),
            )
            .join('; ')}`,
        );
      }

      // A dry edit first, to find the entity and what the file holds.
      const probe = editResponsibilities(
        text,
        {},
        {
          entityRef: input.entityRef,
          file: relPath,
        },
      ).entity;
      if (input.owner !== undefined) checkOwner(input.owner, probe.namespace);
      let responsibilities: ResponsibilityEntry[] | undefined;
      if (input.responsibilities !== undefined) {
        responsibilities = input.merge
          ? merged(probe.responsibilities, given)
          : given;
      }
      if (responsibilities && input.merge) {
        const all = parseResponsibilities(responsibilities, {
          roles: options.roles,
          namespace: probe.namespace,
        });
        if (all.problems.length) {
          throw new InputError(
            `${relPath} already has invalid responsibilities: ${all.problems
              .map(formatOwnershipProblem)
              .join('; ')}`,
          );
        }
      }

      const result = editResponsibilities(
        text,
        { owner: input.owner?.trim(), responsibilities },
        { entityRef: input.entityRef, file: relPath },
      );
      if (result.changed) {
        await writeWorkspaceFile(workspacePath, file, result.text, 'path');
      }
      const entityRef = `${result.entity.kind.toLocaleLowerCase('en-US')}:${
        result.entity.namespace
      }/${result.entity.name}`;
      const final = parseResponsibilities(
        responsibilities ?? result.entity.responsibilities,
        { roles: options.roles, namespace: result.entity.namespace },
      );
      ctx.logger.info(
        result.changed
          ? `Set ${[
              input.owner !== undefined && 'owner',
              responsibilities && 'responsibilities',
            ]
              .filter(Boolean)
              .join(' and ')} of ${entityRef} in ${relPath}`
          : `${relPath} already holds these responsibilities; left unchanged`,
      );
      ctx.output('path', relPath);
      ctx.output('entityRef', entityRef);
      const owner = input.owner?.trim() ?? result.entity.owner;
      if (typeof owner === 'string') ctx.output('owner', owner);
      ctx.output('responsibilities', final.responsibilities);
      ctx.output('changed', result.changed);
      ctx.output('content', result.text);
    },
  });
}
