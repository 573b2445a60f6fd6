import { OwnershipApi, RoleOwnership } from '@triad/plugin-ownership-common';

/** A role someone holds: with its holder and how they came to hold it. */
export type CoveredRole = Extract<RoleOwnership, { owner: unknown }> & {
  status: 'covered';
};

/**
 * The roles of `entityRef` among `roles` that someone holds, as the
 * ownership backend resolves them (inherited, derived, default); roles that
 * are uncovered, orphaned or restricted have no holder to name.
 */
export async function coveredRoles(
  ownership: OwnershipApi,
  entityRef: string,
  roles: readonly string[],
  token: string,
): Promise<CoveredRole[]> {
  const answer = await ownership.getEntityOwnership(entityRef, { token });
  return answer.roles.filter(
    (r): r is CoveredRole => roles.includes(r.role) && r.status === 'covered',
  );
}
