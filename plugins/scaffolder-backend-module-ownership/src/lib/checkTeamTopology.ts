import { InputError } from '@backstage/errors';
import {
  InteractionMode,
  OwnershipRole,
  TeamType,
  formatOwnershipProblem,
  parseTopology,
} from '@triad/plugin-ownership-common';

/** The `topology` input of `ownership:team:create`. */
export interface TeamTopologyInput {
  type: TeamType;
  disciplines?: string[];
  interactions?: { with: string; mode: InteractionMode; until?: string }[];
}

/** A team's topology as it is written into the Group. */
export interface TeamTopology {
  type: TeamType;
  disciplines: string[];
  interactions: { with: string; mode: InteractionMode; until?: string }[];
}

/**
 * Validates the topology with ownership-common, as the catalog module does,
 * and returns it as given, less the empty interaction rows template forms
 * leave.
 */
export function checkTeamTopology(
  input: TeamTopologyInput,
  options: { roles: readonly OwnershipRole[]; namespace: string; self: string },
): TeamTopology {
  const topology = {
    type: input.type,
    disciplines: input.disciplines ?? [],
    interactions: (input.interactions ?? []).filter(
      i => typeof i.with === 'string' && i.with.trim(),
    ),
  };
  const { problems } = parseTopology(topology, options);
  if (problems.length) {
    throw new InputError(
      `Invalid topology: ${problems
        .map(p =>
          formatOwnershipProblem({
            ...p,
            path: p.path.replace(/^spec\.topology/, 'topology'),
          }),
        )
        .join('; ')}`,
    );
  }
  return topology;
}
