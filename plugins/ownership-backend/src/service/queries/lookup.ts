import { LookupResponse, LookupResult } from '@triad/plugin-ownership-common';
import { OwnershipIndex } from '../../ownershipIndex/OwnershipIndex';
import { CanRead, heldBy, toRoleOwnership } from './shared';

/** At most this many matches are answered in full. */
export const LOOKUP_LIMIT = 20;

const typeOrder = { group: 0, user: 1, entity: 2 };

/**
 * Finds entities, groups and users whose name, title, display name or email
 * contains the query; exact matches first, then prefixes, then the rest.
 */
export function lookup(
  index: OwnershipIndex,
  query: string,
  canRead: CanRead,
): LookupResponse {
  const term = query.trim().toLocaleLowerCase('en-US');
  const score = (...fields: (string | undefined)[]) =>
    Math.min(
      ...fields.map(f => {
        const v = f?.toLocaleLowerCase('en-US');
        if (!v) return Infinity;
        if (v === term) return 0;
        if (v.startsWith(term)) return 1;
        return v.includes(term) ? 2 : Infinity;
      }),
    );

  type Match = {
    type: keyof typeof typeOrder;
    ref: string;
    score: number;
  };
  const matches: Match[] = [
    ...index.entities().map(e => ({
      type: 'entity' as const,
      ref: e.ref,
      score: score(e.summary.name, e.summary.title),
    })),
    ...index.groups().map(g => ({
      type: 'group' as const,
      ref: g.ref,
      score: score(g.summary.name, g.summary.title),
    })),
    ...index.users().map(u => ({
      type: 'user' as const,
      ref: u.ref,
      score: score(u.summary.name, u.summary.displayName, u.summary.email),
    })),
  ].filter(m => m.score !== Infinity && canRead(m.ref));
  matches.sort(
    (a, b) =>
      a.score - b.score ||
      typeOrder[a.type] - typeOrder[b.type] ||
      a.ref.localeCompare(b.ref),
  );

  const results = matches.slice(0, LOOKUP_LIMIT).map((m): LookupResult => {
    if (m.type === 'entity') {
      const entity = index.entity(m.ref)!;
      return {
        type: 'entity',
        entity: entity.summary,
        roles: entity.roles.map(r => toRoleOwnership(index, r, canRead)),
      };
    }
    if (m.type === 'group') {
      return {
        type: 'group',
        group: index.group(m.ref)!.summary,
        responsibilities: heldBy(
          index,
          index.subTeams(m.ref).filter(canRead),
          canRead,
        ),
      };
    }
    const user = index.user(m.ref)!;
    const teams = user.memberOf.filter(canRead);
    return {
      type: 'user',
      user: user.summary,
      teams: teams.map(t => index.group(t)!.summary),
      responsibilities: heldBy(
        index,
        teams.flatMap(t => index.subTeams(t)).filter(canRead),
        canRead,
      ),
    };
  });
  return { query, results, indexedAt: index.indexedAt };
}
