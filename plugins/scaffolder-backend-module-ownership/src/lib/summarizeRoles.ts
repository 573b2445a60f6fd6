import { RoleOwnership } from '@triad/plugin-ownership-common';

/** One role of an entity as `ownership:lookup` outputs it. */
export interface RoleSummary {
  role: string;
  title: string;
  status: RoleOwnership['status'];
  ref?: string;
  source?: string;
}

/**
 * The roles of an entity as `ownership:lookup` outputs them: each with its
 * holder, the holders of covered roles by role id, and the roles nobody
 * (existing) holds. Restricted roles are held, so they are not uncovered.
 */
export function summarizeRoles(roles: readonly RoleOwnership[]): {
  roles: RoleSummary[];
  owners: Record<string, string>;
  uncovered: string[];
} {
  const owners: Record<string, string> = {};
  const uncovered: string[] = [];
  const summaries = roles.map(r => {
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
  return { roles: summaries, owners, uncovered };
}

const describers: Record<RoleSummary['status'], (r: RoleSummary) => string> = {
  covered: r => `${r.ref} (${r.source})`,
  orphaned: r => `${r.ref} does not exist (orphaned)`,
  restricted: () => 'held by a team you may not see',
  uncovered: () => 'nobody',
};

/** Who holds a role, in words for the task log. */
export function describeRole(r: RoleSummary): string {
  return describers[r.status](r);
}
