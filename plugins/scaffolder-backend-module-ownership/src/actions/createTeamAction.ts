import {
  Entity,
  groupEntityV1alpha1Validator,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  INTERACTION_MODES,
  OwnershipRole,
  TEAM_TYPES,
  formatOwnershipProblem,
  parseTopology,
} from '@triad/plugin-ownership-common';
import {
  readOptionalFile,
  resolveWorkspacePath,
  upsertYamlDocument,
  workspaceRelative,
  writeWorkspaceFile,
} from '@triad/scaffolder-utils';
import { examples } from './createTeamAction.examples';

const validator = makeValidator();

/** Problems with references that must point at one kind (group, user). */
function refProblems(
  field: string,
  refs: readonly string[],
  kind: 'group' | 'user',
  namespace: string,
): string[] {
  return refs.flatMap((ref, i) => {
    const at =
      refs.length === 1 && field === 'parent' ? field : `${field}[${i}]`;
    try {
      const parsed = parseEntityRef(ref, {
        defaultKind: kind,
        defaultNamespace: namespace,
      });
      if (
        parsed.kind.toLocaleLowerCase('en-US') === kind &&
        validator.isValidNamespace(parsed.namespace) &&
        validator.isValidEntityName(parsed.name)
      ) {
        return [];
      }
    } catch {
      // reported below
    }
    return [
      `${at}: "${ref}" is not a ${kind} reference such as ${kind}:${
        kind === 'group' ? 'infrastructure' : 'ada'
      }`,
    ];
  });
}

/**
 * `ownership:team:create`: writes a Group entity with its `spec.topology`
 * block, validated with ownership-common like the catalog module does.
 *
 * @public
 */
export function createTeamAction(options: { roles: readonly OwnershipRole[] }) {
  const roleIds = options.roles.map(r => r.id);
  // Most of its length is the declarative input and output schema, kept
  // inline with the action as Backstage's own actions do.
  return createTemplateAction({
    id: 'ownership:team:create',
    description:
      'Writes a Group entity with its team topology (type, disciplines, interactions) into a file of the workspace. Re-running replaces the group of the same name.',
    supportsDryRun: true,
    examples,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .min(1)
            .describe('metadata.name of the group, e.g. data-platform'),
        namespace: z =>
          z.string().optional().describe('metadata.namespace; default default'),
        title: z => z.string().optional().describe('metadata.title'),
        description: z =>
          z.string().optional().describe('metadata.description'),
        type: z =>
          z
            .string()
            .optional()
            .describe('spec.type of the group; default team'),
        parent: z =>
          z.string().optional().describe('spec.parent: group:infrastructure'),
        children: z =>
          z.array(z.string()).optional().describe('spec.children; default []'),
        members: z =>
          z.array(z.string()).optional().describe('spec.members: user:ada, …'),
        email: z =>
          z.string().optional().describe('spec.profile.email of the team'),
        topology: z =>
          z
            .object({
              type: z
                .enum(TEAM_TYPES)
                .describe(`Team type: ${TEAM_TYPES.join(', ')}`),
              disciplines: z
                .array(z.string())
                .optional()
                .describe(`Roles the team practises: ${roleIds.join(', ')}`),
              interactions: z
                .array(
                  z.object({
                    with: z
                      .string()
                      .describe('The other team: group:checkout-team'),
                    mode: z
                      .enum(INTERACTION_MODES)
                      .describe(INTERACTION_MODES.join(', ')),
                    until: z
                      .string()
                      .optional()
                      .describe('Planned end, YYYY-MM-DD'),
                  }),
                )
                .optional()
                .describe('How the team works with other teams'),
            })
            .describe('spec.topology'),
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace file for the group; default catalog-info.yaml. Other documents in it are kept',
            ),
      },
      output: {
        entityRef: z => z.string().describe('group:<namespace>/<name>'),
        path: z => z.string().describe('The file the group was written to'),
        replaced: z =>
          z
            .boolean()
            .describe('True when a group of the same name was replaced'),
        content: z => z.string().describe('The text of the file after writing'),
      },
    },
    async handler(ctx) {
      const { input, workspacePath } = ctx;
      const namespace = input.namespace ?? 'default';
      if (!validator.isValidEntityName(input.name)) {
        throw new InputError(
          `name: "${input.name}" is not a valid entity name (letters, digits, - _ and ., at most 63 characters)`,
        );
      }
      if (!validator.isValidNamespace(namespace)) {
        throw new InputError(
          `namespace: "${namespace}" is not a valid namespace`,
        );
      }
      const self = stringifyEntityRef({
        kind: 'group',
        namespace,
        name: input.name,
      });
      // Empty interaction rows from template forms are left out.
      const topology = {
        type: input.topology.type,
        disciplines: input.topology.disciplines ?? [],
        interactions: (input.topology.interactions ?? []).filter(
          i => typeof i.with === 'string' && i.with.trim(),
        ),
      };
      const parsed = parseTopology(topology, {
        roles: options.roles,
        namespace,
        self,
      });
      if (parsed.problems.length) {
        throw new InputError(
          `Invalid topology: ${parsed.problems
            .map(p =>
              formatOwnershipProblem({
                ...p,
                path: p.path.replace(/^spec\.topology/, 'topology'),
              }),
            )
            .join('; ')}`,
        );
      }

      const badRefs = [
        ...refProblems(
          'parent',
          input.parent ? [input.parent] : [],
          'group',
          namespace,
        ),
        ...refProblems('children', input.children ?? [], 'group', namespace),
        ...refProblems('members', input.members ?? [], 'user', namespace),
      ];
      if (badRefs.length) throw new InputError(badRefs.join('; '));

      const entity: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: {
          name: input.name,
          ...(input.namespace && { namespace: input.namespace }),
          ...(input.title && { title: input.title }),
          ...(input.description && { description: input.description }),
        },
        spec: {
          type: input.type ?? 'team',
          ...(input.email && { profile: { email: input.email } }),
          ...(input.parent && { parent: input.parent }),
          children: input.children ?? [],
          ...(input.members?.length && { members: input.members }),
          topology: {
            type: topology.type,
            ...(topology.disciplines.length && {
              disciplines: topology.disciplines,
            }),
            ...(topology.interactions.length && {
              interactions: topology.interactions,
            }),
          },
        },
      };
      try {
        await groupEntityV1alpha1Validator.check(entity);
      } catch (e) {
        throw new InputError(
          `The group would not be a valid Group entity: ${
            (e as Error).message
          }`,
        );
      }

      const file = resolveWorkspacePath(
        workspacePath,
        input.path ?? 'catalog-info.yaml',
        'path',
      );
      const relPath = workspaceRelative(workspacePath, file);
      const sameGroup = (value: unknown) => {
        const v = value as Partial<Entity> | null;
        return (
          v?.kind === 'Group' &&
          v.metadata?.name === input.name &&
          (v.metadata?.namespace ?? 'default') === namespace
        );
      };
      const { text, replaced } = upsertYamlDocument(
        await readOptionalFile(file),
        sameGroup,
        entity,
        relPath,
      );
      await writeWorkspaceFile(workspacePath, file, text, 'path');
      ctx.logger.info(
        `${replaced ? 'Replaced' : 'Wrote'} ${self} in ${relPath}`,
      );
      ctx.output('entityRef', self);
      ctx.output('path', relPath);
      ctx.output('replaced', replaced);
      ctx.output('content', text);
    },
  });
}
