import { LookupResponse, LookupResult } from '@triad/plugin-ownership-common';
import { OwnershipIndex } from '../../ownershipIndex/OwnershipIndex';
import { CanRead, heldBy, toRoleOwnership } from './shared';

/** At most this many matches are answered in full. */
export const LOOKUP_LIMIT = 20;

const typeOrder = { group: 0, user: 1, entity: 2 };

type Candidate = {
  type: keyof typeof typeOrder;
  ref: string;
  /** The searched fields, lower-cased. */
  keys: string[];
};

// toLowerCase maps case as toLocaleLowerCase('en-US') does, but V8 runs it
// about 80 times faster, which matters over every name in a large catalog.
const lower = (...fields: (string | undefined)[]) =>
  fields.flatMap(f => (f ? [f.toLowerCase()] : []));

// An index never changes once built, so its searchable fields are lower-cased
// once per index rather than on every lookup.
const candidatesOf = new WeakMap<OwnershipIndex, Candidate[]>();

function candidates(index: OwnershipIndex): Candidate[] {
  let list = candidatesOf.get(index);
  if (!list) {
    list = [
      ...index.entities().map(e => ({
        type: 'entity' as const,
        ref: e.ref,
        keys: lower(e.summary.name, e.summary.title),
      })),
      ...index.groups().map(g => ({
        type: 'group' as const,
        ref: g.ref,
        keys: lower(g.summary.name, g.summary.title),
      })),
      ...index.users().map(u => ({
        type: 'user' as const,
        ref: u.ref,
        keys: lower(u.summary.name, u.summary.displayName, u.summary.email),
      })),
    ];
    candidatesOf.set(index, list);
  }
  return list;
}

/**
 * Finds entities, groups and users whose name, title, display name or email
 * contains the query; exact matches first, then prefixes, then the rest.
 */
export function lookup(
  index: OwnershipIndex,
  query: string,
  canRead: CanRead,
): LookupResponse {
  const term = query.trim().toLowerCase();
  const score = (keys: string[]) => {
    let best = Infinity;
    for (const k of keys) {
      if (k === term) return 0;
      if (k.startsWith(term)) best = Math.min(best, 1);
      else if (best > 2 && k.includes(term)) best = 2;
    }
    return best;
  };

  const ranked: (Candidate & { score: number })[] = [];
  for (const c of candidates(index)) {
    const matchScore = score(c.keys);
    if (matchScore !== Infinity) ranked.push({ ...c, score: matchScore });
  }
  ranked.sort(
    (a, b) =>
      a.score - b.score ||
      typeOrder[a.type] - typeOrder[b.type] ||
      a.ref.localeCompare(b.ref),
  );
  // Visibility is asked only of the best matches, until the places are
  // filled: a broad query must not check thousands of references.
  const matches: Candidate[] = [];
  for (const m of ranked) {
    if (matches.length === LOOKUP_LIMIT) break;
    if (canRead(m.ref)) matches.push(m);
  }

  const results = matches.map((m): LookupResult => {
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
