import { EntityOwnershipResponse } from '@triad/plugin-ownership-common';

/**
 * What a scorecard asks about an entity's ownership, as facts (the shape
 * Tech Insights fact retrievers return), from the same resolution as the
 * ownership card.
 */
export interface OwnershipFacts {
  /** Per role: its status, holder and how the holder was found. */
  roles: Record<
    string,
    {
      status: 'covered' | 'orphaned' | 'uncovered' | 'restricted';
      holder: string | null;
      source: 'explicit' | 'inherited' | 'derived' | 'default' | null;
    }
  >;
  /** Some role names a group or user that does not exist. */
  orphaned: boolean;
  uncoveredRoles: string[];
}

/** The facts of an entity from its resolved ownership. */
export function ownershipFacts(
  answer: EntityOwnershipResponse,
): OwnershipFacts {
  const roles: OwnershipFacts['roles'] = {};
  for (const r of answer.roles) {
    const held = r.status === 'covered' || r.status === 'orphaned';
    roles[r.role] = {
      status: r.status,
      holder: held ? r.owner.ref : null,
      source: held ? r.provenance.source : null,
    };
  }
  return {
    roles,
    orphaned: answer.roles.some(r => r.status === 'orphaned'),
    uncoveredRoles: answer.roles
      .filter(r => r.status === 'uncovered')
      .map(r => r.role),
  };
}
