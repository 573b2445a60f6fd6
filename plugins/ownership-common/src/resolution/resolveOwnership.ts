import { DEVOPS_ROLE, OwnershipRole, PLATFORM_ROLE } from '../model/roles';
import { Responsibility, TeamTopology } from '../model/types';

/**
 * How a role owner was found.
 *
 * @public
 */
export type OwnershipSource = 'explicit' | 'inherited' | 'derived' | 'default';

/**
 * Where a role owner came from: the rule, and the entities walked from the
 * entity itself to the one that carries the assignment.
 *
 * @public
 */
export interface OwnershipProvenance {
  source: OwnershipSource;
  path: string[];
}

/**
 * The outcome of resolving one role for one entity.
 *
 * @remarks
 * `orphaned` means the assignment found names a group or user that does not
 * exist; resolution stops there instead of silently falling back.
 *
 * @public
 */
export type RoleResolution =
  | {
      role: string;
      status: 'covered' | 'orphaned';
      owner: string;
      provenance: OwnershipProvenance;
    }
  | {
      role: string;
      status: 'uncovered';
      /** The entities whose declarations were examined. */
      searched: string[];
    };

/**
 * What the resolution needs to know about one entity. All references are
 * normalized (see `normalizeEntityRef`).
 *
 * @public
 */
export interface OwnershipGraphNode {
  ref: string;
  /** Lower-case kind, e.g. `component`. */
  kind: string;
  /** `spec.owner` (the `ownedBy` relation). */
  owner?: string;
  responsibilities: Responsibility[];
  /** Targets of `partOf`: system, domain, parent component or domain. */
  partOf: string[];
  /** Targets of `dependsOn`. */
  dependsOn: string[];
}

/**
 * The catalog as the resolution sees it.
 *
 * @public
 */
export interface OwnershipGraph {
  node(ref: string): OwnershipGraphNode | undefined;
  /** Whether a group or user with this reference exists. */
  exists(ref: string): boolean;
  isPlatformTeam(ref: string): boolean;
}

/**
 * A platform team is a group whose topology type is `platform` or whose
 * disciplines include the platform role.
 *
 * @public
 */
export function isPlatformTopology(
  topology: TeamTopology | undefined,
): boolean {
  return (
    topology?.type === 'platform' ||
    (topology?.disciplines.includes(PLATFORM_ROLE) ?? false)
  );
}

/**
 * Resolves who holds `role` for an entity, in this order: explicit on the
 * entity; inherited along `partOf` (nearest ancestor first); derived (the
 * platform role from the platform-team-owned Resources the entity is or
 * depends on); default (`spec.owner` for the devops role); else uncovered.
 *
 * @public
 */
export function resolveRole(
  graph: OwnershipGraph,
  ref: string,
  role: string,
): RoleResolution {
  const start = graph.node(ref);
  if (!start) {
    throw new Error(`Cannot resolve ownership of unknown entity ${ref}`);
  }
  const found = (
    owner: string,
    source: OwnershipSource,
    path: string[],
  ): RoleResolution => ({
    role,
    status: graph.exists(owner) ? 'covered' : 'orphaned',
    owner,
    provenance: { source, path },
  });
  const assigned = (node: OwnershipGraphNode) =>
    node.responsibilities.find(r => r.role === role)?.ref;

  const explicit = assigned(start);
  if (explicit) return found(explicit, 'explicit', [start.ref]);

  // Breadth first, so that the nearest ancestor wins; `via` remembers the
  // child each ancestor was reached from, to give the path back.
  const searched = [start.ref];
  const via = new Map<string, string>();
  const queue = [start.ref];
  while (queue.length) {
    const current = graph.node(queue.shift()!)!;
    for (const parentRef of [...current.partOf].sort()) {
      if (parentRef === start.ref || via.has(parentRef)) continue;
      via.set(parentRef, current.ref);
      const parent = graph.node(parentRef);
      if (!parent) continue;
      searched.push(parentRef);
      const inherited = assigned(parent);
      if (inherited) {
        const path = [parentRef];
        for (let r = via.get(parentRef); r; r = via.get(r)) path.unshift(r);
        return found(inherited, 'inherited', path);
      }
      queue.push(parentRef);
    }
  }

  if (role === PLATFORM_ROLE) {
    const platformOwned = (node: OwnershipGraphNode | undefined) =>
      node?.kind === 'resource' &&
      node.owner !== undefined &&
      graph.isPlatformTeam(node.owner);
    if (platformOwned(start)) {
      return found(start.owner!, 'derived', [start.ref]);
    }
    for (const dependency of [...start.dependsOn].sort()) {
      const resource = graph.node(dependency);
      if (platformOwned(resource)) {
        return found(resource!.owner!, 'derived', [start.ref, dependency]);
      }
      if (resource?.kind === 'resource') searched.push(dependency);
    }
  }

  if (role === DEVOPS_ROLE && start.owner) {
    return found(start.owner, 'default', [start.ref]);
  }

  return { role, status: 'uncovered', searched };
}

/**
 * Resolves every configured role for an entity.
 *
 * @public
 */
export function resolveOwnership(
  graph: OwnershipGraph,
  ref: string,
  roles: readonly OwnershipRole[],
): RoleResolution[] {
  return roles.map(r => resolveRole(graph, ref, r.id));
}
