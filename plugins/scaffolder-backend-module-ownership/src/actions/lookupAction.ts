import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ActionSchemaField,
  parseEntityRefInput,
} from '@triad/scaffolder-utils';
import { OwnershipClient, OwnershipRole } from '@triad/plugin-ownership-common';
import { fetchEntityOwnership } from '../lib/fetchEntityOwnership';
import { describeRole, summarizeRoles } from '../lib/summarizeRoles';
import { examples } from './lookupAction.examples';

// The declarative input schema of the action.
const inputSchema = {
  entityRef: z =>
    z
      .string()
      .min(1)
      .describe(
        'The entity: component:default/checkout-service (default kind component)',
      ),
  failOnUncovered: z =>
    z
      .boolean()
      .optional()
      .describe(
        'Fail when a role has nobody (uncovered) or names a group that does not exist (orphaned). Default false',
      ),
} satisfies Record<string, ActionSchemaField>;

/**
 * The declarative output schema, with one output per configured role so that
 * later steps can write ${{ steps.lookup.output.sre }}.
 */
function outputSchema(roles: readonly OwnershipRole[]) {
  const roleOutputs = Object.fromEntries(
    roles.map((role): [string, ActionSchemaField] => [
      role.id,
      z =>
        z
          .string()
          .optional()
          .describe(
            `Who holds the ${role.title} role: a group or user reference; absent when nobody does`,
          ),
    ]),
  );
  return {
    entityRef: z => z.string().describe('The entity that was looked up'),
    owners: z =>
      z
        .record(z.string())
        .describe('Role id → group or user reference, for covered roles'),
    roles: z =>
      z
        .array(
          z.object({
            role: z.string(),
            title: z.string(),
            status: z.enum(['covered', 'orphaned', 'uncovered', 'restricted']),
            ref: z.string().optional(),
            source: z.string().optional(),
          }),
        )
        .describe(
          'Every role with its status and, when held, the holder and how it was found (explicit, inherited, derived, default)',
        ),
    uncovered: z =>
      z
        .array(z.string())
        .describe('Roles nobody holds, or whose holder does not exist'),
    ...roleOutputs,
  } satisfies Record<string, ActionSchemaField>;
}

/**
 * `ownership:lookup`: resolves who holds each role for an entity through the
 * ownership backend, on behalf of the user running the template.
 *
 * @public
 */
export function createLookupAction(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  roles: readonly OwnershipRole[];
  /** For tests; the global fetch by default. */
  fetch?: typeof fetch;
}) {
  const client = new OwnershipClient({
    discoveryApi: options.discovery,
    ...(options.fetch && { fetchApi: { fetch: options.fetch } }),
  });
  const roleIds = options.roles.map(r => r.id);

  return createTemplateAction({
    id: 'ownership:lookup',
    description: `Resolves who is responsible for an entity, per role (${roleIds.join(
      ', ',
    )}), through the Triad ownership backend and on behalf of the user running the template. Outputs one value per role, for reviewers, notifications or later steps. Reads only, so it also runs in dry runs.`,
    supportsDryRun: true,
    examples,
    schema: { input: inputSchema, output: outputSchema(options.roles) },
    async handler(ctx) {
      const entityRef = stringifyEntityRef(
        parseEntityRefInput(ctx.input.entityRef, 'entityRef'),
      );
      const response = await fetchEntityOwnership(
        { client, auth: options.auth },
        entityRef,
        await ctx.getInitiatorCredentials(),
      );
      const { roles, owners, uncovered } = summarizeRoles(response.roles);
      for (const r of roles) {
        ctx.logger.info(`${r.title}: ${describeRole(r)}`);
      }
      ctx.output('entityRef', response.entity.ref);
      ctx.output('owners', owners);
      ctx.output('roles', roles);
      ctx.output('uncovered', uncovered);
      // Role outputs are declared from config, so their names are not typed.
      const output = ctx.output as (name: string, value: string) => void;
      for (const [role, ref] of Object.entries(owners)) output(role, ref);

      if (uncovered.length && ctx.input.failOnUncovered) {
        throw new InputError(
          `${response.entity.ref} has nobody for ${uncovered.join(', ')}`,
        );
      }
    },
  });
}
