import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { ActionZod } from '@triad/backend-utils';
import { RoleCoverage } from '@triad/plugin-ownership-common';
import { OwnershipService } from '../service/OwnershipService';

/** The zod schema of one role's coverage in the action's output. */
function roleCoverageSchema(z: ActionZod) {
  return z.object({
    role: z.string(),
    title: z.string(),
    total: z.number().describe('Production components'),
    covered: z.number(),
    share: z
      .number()
      .nullable()
      .describe('covered / total; null without production components'),
    uncovered: z.array(z.string()).describe('Entity references'),
    orphaned: z.array(
      z.object({
        entityRef: z.string(),
        holderRef: z.string().describe('The missing group or user'),
        source: z.string(),
        path: z.array(z.string()),
      }),
    ),
  });
}

/** One role's coverage in words, e.g. "SRE: 3 of 4 … covered, 1 uncovered." */
function coverageSentence(r: RoleCoverage): string {
  return `${r.title}: ${r.covered} of ${r.total} production components covered${
    r.uncovered.length ? `, ${r.uncovered.length} uncovered` : ''
  }${r.orphaned.length ? `, ${r.orphaned.length} orphaned` : ''}.`;
}

/** One role's coverage in the shape of roleCoverageSchema. */
function toRoleCoverageOutput(r: RoleCoverage) {
  return {
    role: r.role,
    title: r.title,
    total: r.total,
    covered: r.covered,
    share: r.share,
    uncovered: r.uncovered.map(e => e.ref),
    orphaned: r.orphaned.map(o => ({
      entityRef: o.entity.ref,
      holderRef: o.owner.ref,
      source: o.provenance.source,
      path: o.provenance.path,
    })),
  };
}

/** Registers `coverage`: per role, how much of production has a holder, and the gaps. */
export function createCoverageAction(options: {
  actionsRegistry: ActionsRegistryService;
  service: OwnershipService;
}) {
  const { actionsRegistry, service } = options;
  actionsRegistry.register({
    name: 'coverage',
    title: 'Ownership coverage per role',
    description: `Reports, for each ownership role (DevOps, SRE, platform, …), how many production components have a holder and lists the gaps: uncovered components (nobody holds the role) and orphaned ones (the holder named does not exist), with where the orphaned assignment came from. Use it for "which production services have no SRE team?" or "how well is ownership covered?". Give a role to limit the answer to it. Counts only components the caller may see.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          role: z
            .string()
            .min(1)
            .optional()
            .describe('Only this role, e.g. "sre"; every role when absent'),
        }),
      output: z =>
        z.object({
          summary: z.string().describe('Coverage per role in words'),
          roles: z.array(roleCoverageSchema(z)),
          indexedAt: z.string(),
        }),
    },
    examples: [
      {
        title: 'Production components without an SRE holder',
        input: { role: 'sre' },
      },
    ],
    async action({ input, credentials }) {
      const answer = await service.coverage(credentials);
      const roles = input.role
        ? answer.roles.filter(r => r.role === input.role)
        : answer.roles;
      if (!roles.length) {
        throw new InputError(
          `role: "${input.role}" is not a role; use one of ${answer.roles
            .map(r => r.role)
            .join(', ')}`,
        );
      }
      return {
        output: {
          summary: roles.map(coverageSentence).join(' '),
          roles: roles.map(toRoleCoverageOutput),
          indexedAt: answer.indexedAt,
        },
      };
    },
  });
}
