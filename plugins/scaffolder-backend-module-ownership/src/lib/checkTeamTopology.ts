import {
  InteractionMode,
  OwnershipRole,
  TeamType,
  parseTopology,
} from '@triad/plugin-ownership-common';
import { ownershipInputError } from './ownershipInputError';

/**
 * An interaction as the template gives it; `with` is not normalised. A type,
 * not an interface, so that it stays assignable to the entity's JSON.
 */
type InteractionInput = {
  with: string;
  mode: InteractionMode;
  until?: string;
};

/** The `topology` input of `ownership:team:create`. */
export interface TeamTopologyInput {
  type: TeamType;
  disciplines?: string[];
  interactions?: InteractionInput[];
}

/** A team's topology as it is written into the Group. */
export type GroupTopology = Required<TeamTopologyInput>;

/**
 * Validates the topology with ownership-common, as the catalog module does,
 * and returns it as given, less the empty interaction rows template forms
 * leave.
 */
export function checkTeamTopology(
  input: TeamTopologyInput,
  options: { roles: readonly OwnershipRole[]; namespace: string; self: string },
): GroupTopology {
  const topology = {
    type: input.type,
    disciplines: input.disciplines ?? [],
    interactions: (input.interactions ?? []).filter(
      i => typeof i.with === 'string' && i.with.trim(),
    ),
  };
  const { problems } = parseTopology(topology, options);
  if (problems.length) {
    throw ownershipInputError('topology', problems);
  }
  return topology;
}
