import { RoleOwnership } from '@triad/plugin-ownership-common';
import { ActionZod } from '@triad/backend-utils';

/*
 * Ownership answers as the actions return them: the API's types with a
 * sentence per role, so an assistant can quote who holds what and why.
 */

/** The zod schemas of an entity and of one of its roles in an action's output. */
export function ownershipSchemas(z: ActionZod) {
  const entity = z.object({
    ref: z
      .string()
      .describe('Entity reference, e.g. component:default/checkout'),
    kind: z.string(),
    name: z.string(),
    title: z.string().optional(),
    description: z.string().optional(),
    type: z.string().optional(),
    lifecycle: z.string().optional(),
    onCall: z
      .record(z.string())
      .optional()
      .describe('On-call annotations, e.g. pagerduty.com/service-id'),
  });

  const holder = z.object({
    ref: z.string().describe('The group or user holding the role'),
    kind: z.string(),
    name: z.string(),
    title: z.string().optional(),
    onCall: z.record(z.string()).optional(),
  });

  const provenance = z.object({
    source: z
      .enum(['explicit', 'inherited', 'derived', 'default'])
      .describe(
        'explicit: declared on the entity; inherited: from its system or domain (partOf); derived: from the platform resources it depends on; default: spec.owner',
      ),
    path: z
      .array(z.string())
      .describe('The entities walked, from the entity to the declaring one'),
  });

  const role = z.object({
    role: z.string().describe('Role id, e.g. sre'),
    title: z.string(),
    status: z
      .enum(['covered', 'orphaned', 'uncovered', 'restricted'])
      .describe(
        'covered: held; orphaned: held by a group or user that does not exist; uncovered: nobody; restricted: held by someone the caller may not see',
      ),
    holder: holder.optional(),
    provenance: provenance.optional(),
    searched: z
      .array(z.string())
      .optional()
      .describe(
        'Uncovered only: the entities whose declarations were examined',
      ),
    summary: z.string().describe('Who holds the role and why, in words'),
  });
  return { entity, role };
}

export type RoleOutput = ReturnType<typeof toRoleOutput>;

function provenanceWords(r: Extract<RoleOwnership, { owner: unknown }>) {
  const { source, path } = r.provenance;
  const from = path.length > 1 ? ` from ${path[path.length - 1]}` : '';
  switch (source) {
    case 'explicit':
      return 'declared on the entity';
    case 'inherited':
      return `inherited${from}`;
    case 'derived':
      return `derived${from}`;
    default:
      return 'by default (spec.owner)';
  }
}

/** One role of an entity, in the shape of roleSchema. */
export function toRoleOutput(r: RoleOwnership) {
  switch (r.status) {
    case 'covered':
    case 'orphaned':
      return {
        role: r.role,
        title: r.title,
        status: r.status,
        holder: r.owner,
        provenance: r.provenance,
        summary:
          r.status === 'covered'
            ? `${r.title}: ${r.owner.ref}, ${provenanceWords(r)}.`
            : `${r.title}: orphaned — ${r.owner.ref} (${provenanceWords(
                r,
              )}) does not exist in the catalog.`,
      };
    case 'uncovered':
      return {
        role: r.role,
        title: r.title,
        status: r.status,
        searched: r.searched,
        summary: `${r.title}: nobody holds this role.`,
      };
    default:
      return {
        role: r.role,
        title: r.title,
        status: r.status,
        summary: `${r.title}: held by a group or user you may not see.`,
      };
  }
}
