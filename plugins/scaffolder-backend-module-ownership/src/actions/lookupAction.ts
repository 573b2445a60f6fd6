import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InputError,
  ResponseError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseEntityRefInput } from '@triad/scaffolder-utils';
import {
  EntityOwnershipResponse,
  OwnershipClient,
  OwnershipRole,
} from '@triad/plugin-ownership-common';
import { examples } from './lookupAction.examples';

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
  // One output per configured role, so later steps can write
  // ${{ steps.lookup.output.sre }}.
  const roleOutputs = Object.fromEntries(
    options.roles.map(role => [
      role.id,
      (z: any) =>
        z
          .string()
          .optional()
          .describe(
            `Who holds the ${role.title} role: a group or user reference; absent when nobody does`,
          ),
    ]),
  );

  // Most of its length is the declarative input and output schema, kept
  // inline with the action as Backstage's own actions do.
  return createTemplateAction({
    id: 'ownership:lookup',
    description: `Resolves who is responsible for an entity, per role (${roleIds.join(
      ', ',
    )}), through the Triad ownership backend and on behalf of the user running the template. Outputs one value per role, for reviewers, notifications or later steps. Reads only, so it also runs in dry runs.`,
    supportsDryRun: true,
    examples,
    schema: {
      input: {
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
      },
      output: {
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
                status: z.enum([
                  'covered',
                  'orphaned',
                  'uncovered',
                  'restricted',
                ]),
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
      },
    },
    async handler(ctx) {
      const entityRef = stringifyEntityRef(
        parseEntityRefInput(ctx.input.entityRef, 'entityRef'),
      );
      const { token } = await options.auth.getPluginRequestToken({
        onBehalfOf: await ctx.getInitiatorCredentials(),
        targetPluginId: 'ownership',
      });

      let response: EntityOwnershipResponse;
      try {
        response = await client.getEntityOwnership(entityRef, { token });
      } catch (e) {
        if (e instanceof ResponseError && e.statusCode === 404) {
          throw new InputError(
            `entityRef: ${entityRef} is not in the catalog, or you may not see it`,
          );
        }
        throw new ServiceUnavailableError(
          `The ownership backend could not answer for ${entityRef}: ${
            (e as Error).message
          }`,
        );
      }

      const owners: Record<string, string> = {};
      const uncovered: string[] = [];
      const roles = response.roles.map(r => {
        if (r.status === 'covered') owners[r.role] = r.owner.ref;
        else if (r.status !== 'restricted') uncovered.push(r.role);
        return {
          role: r.role,
          title: r.title,
          status: r.status,
          ...(r.status === 'covered' || r.status === 'orphaned'
            ? { ref: r.owner.ref, source: r.provenance.source }
            : {}),
        };
      });
      const describe: Record<string, (r: (typeof roles)[number]) => string> = {
        covered: r => `${r.ref} (${r.source})`,
        orphaned: r => `${r.ref} does not exist (orphaned)`,
        restricted: () => 'held by a team you may not see',
        uncovered: () => 'nobody',
      };
      for (const r of roles) {
        ctx.logger.info(`${r.title}: ${describe[r.status](r)}`);
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
