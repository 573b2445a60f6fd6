import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  INTERACTION_MODES,
  OwnershipRole,
  TEAM_TYPES,
} from '@triad/plugin-ownership-common';
import { ActionSchemaField } from '@triad/scaffolder-utils';
import { examples } from './createTeamAction.examples';
import { buildGroupEntity } from '../lib/buildGroupEntity';
import { checkTeamRefs } from '../lib/checkTeamRefs';
import { checkTeamTopology } from '../lib/checkTeamTopology';
import { validGroupRef } from '../lib/validGroupRef';
import { writeGroupEntity } from '../lib/writeGroupEntity';

/** The declarative input schema; disciplines name the configured roles. */
function inputSchema(roleIds: readonly string[]) {
  return {
    name: z =>
      z
        .string()
        .min(1)
        .describe('metadata.name of the group, e.g. data-platform'),
    namespace: z =>
      z.string().optional().describe('metadata.namespace; default default'),
    title: z => z.string().optional().describe('metadata.title'),
    description: z => z.string().optional().describe('metadata.description'),
    type: z =>
      z.string().optional().describe('spec.type of the group; default team'),
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
  } satisfies Record<string, ActionSchemaField>;
}

// The declarative output schema of the action.
const outputSchema = {
  entityRef: z => z.string().describe('group:<namespace>/<name>'),
  path: z => z.string().describe('The file the group was written to'),
  replaced: z =>
    z.boolean().describe('True when a group of the same name was replaced'),
  content: z => z.string().describe('The text of the file after writing'),
} satisfies Record<string, ActionSchemaField>;

/**
 * `ownership:team:create`: writes a Group entity with its `spec.topology`
 * block, validated with ownership-common like the catalog module does.
 *
 * @public
 */
export function createTeamAction(options: { roles: readonly OwnershipRole[] }) {
  return createTemplateAction({
    id: 'ownership:team:create',
    description:
      'Writes a Group entity with its team topology (type, disciplines, interactions) into a file of the workspace. Re-running replaces the group of the same name.',
    supportsDryRun: true,
    examples,
    schema: {
      input: inputSchema(options.roles.map(r => r.id)),
      output: outputSchema,
    },
    async handler(ctx) {
      const { input } = ctx;
      const namespace = input.namespace ?? 'default';
      const self = validGroupRef(input.name, namespace);
      const topology = checkTeamTopology(input.topology, {
        roles: options.roles,
        namespace,
        self,
      });
      checkTeamRefs(input, namespace);
      const group = await buildGroupEntity(input, topology);
      const { relPath, text, replaced } = await writeGroupEntity(
        ctx.workspacePath,
        input.path,
        group,
      );
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
