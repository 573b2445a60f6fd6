import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { LookupResult } from '@triad/plugin-ownership-common';
import { OwnershipService } from '../service/OwnershipService';
import { ActionZod } from '@triad/backend-utils';
import { ownershipSchemas, toRoleOutput } from './ownershipActionOutput';

/** The zod schema of one lookup match in the action's output. */
function lookupResultSchema(z: ActionZod) {
  const { entity, role } = ownershipSchemas(z);
  const team = z.object({
    ref: z.string(),
    name: z.string(),
    title: z.string().optional(),
    type: z.string().optional(),
    teamType: z
      .string()
      .optional()
      .describe('Team Topologies type, e.g. stream-aligned or platform'),
    onCall: z.record(z.string()).optional(),
  });

  const responsibilities = z
    .array(
      z.object({
        role: z.string(),
        title: z.string(),
        entities: z.array(z.string()).describe('Entity references'),
      }),
    )
    .describe('What the team (with its sub-teams) holds, per role');

  return z.object({
    type: z.enum(['entity', 'group', 'user']),
    entity: entity.optional(),
    roles: z.array(role).optional().describe('Entities: who holds each role'),
    group: team.optional(),
    user: z
      .object({
        ref: z.string(),
        name: z.string(),
        displayName: z.string().optional(),
        email: z.string().optional(),
      })
      .optional(),
    teams: z.array(team).optional().describe("Users: the person's teams"),
    responsibilities: responsibilities.optional(),
  });
}

function toResult(r: LookupResult) {
  const responsibilities = (
    rs: Extract<
      LookupResult,
      { responsibilities: unknown }
    >['responsibilities'],
  ) =>
    rs.map(x => ({
      role: x.role,
      title: x.title,
      entities: x.entities.map(e => e.ref),
    }));
  switch (r.type) {
    case 'entity':
      return {
        type: r.type,
        entity: r.entity,
        roles: r.roles.map(toRoleOutput),
      };
    case 'group':
      return {
        type: r.type,
        group: r.group,
        responsibilities: responsibilities(r.responsibilities),
      };
    default:
      return {
        type: r.type,
        user: r.user,
        teams: r.teams,
        responsibilities: responsibilities(r.responsibilities),
      };
  }
}

/** Registers `lookup`: find an entity, team or person and what they answer for. */
export function createLookupAction(options: {
  actionsRegistry: ActionsRegistryService;
  service: OwnershipService;
}) {
  const { actionsRegistry, service } = options;
  actionsRegistry.register({
    name: 'lookup',
    title: 'Look up an entity, team or person',
    description: `Searches the catalog by name, title or reference for entities, teams (groups) and people (users) and answers who is responsible for what: for an entity, the holder of every ownership role with provenance; for a team, the entities it and its sub-teams hold per role; for a person, their teams and what those teams hold. Use it when you have a name but not a full reference ("what does Alice's team own?", "who runs payments?"). Only what the caller may see in the catalog is searched.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          query: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .describe(
              'A name, title or reference, e.g. "payments" or "group:sre-core"',
            ),
        }),
      output: z =>
        z.object({
          query: z.string(),
          results: z.array(lookupResultSchema(z)),
          indexedAt: z.string(),
        }),
    },
    examples: [
      { title: 'What a team is responsible for', input: { query: 'sre-core' } },
    ],
    async action({ input, credentials }) {
      const answer = await service.lookup(input.query, credentials);
      return {
        output: {
          query: answer.query,
          results: answer.results.map(toResult),
          indexedAt: answer.indexedAt,
        },
      };
    },
  });
}
