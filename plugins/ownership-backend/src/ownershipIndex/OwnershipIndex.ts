import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  OwnerSummary,
  OwnershipGraph,
  OwnershipRole,
  RESPONSIBILITY_KINDS,
  isPlatformTopology,
  normalizeEntityRef,
  parseResponsibilities,
  parseTopology,
  resolveOwnership,
} from '@triad/plugin-ownership-common';
import { collectInteractions } from './collectInteractions';
import { collectObservations } from './collectObservations';
import { entitySummary, groupSummary, userSummary } from './summaries';
import {
  IndexedEntity,
  IndexedGroup,
  IndexedInteraction,
  IndexedObservation,
  IndexedUser,
} from './types';

const responsibilityKinds: string[] = RESPONSIBILITY_KINDS.map(k =>
  k.toLocaleLowerCase('en-US'),
);

/** Group and membership relations, linked once every entity is in. */
interface Links {
  parentage: [parent: string, child: string][];
  memberships: [user: string, group: string][];
}

/**
 * An immutable snapshot of who holds which role, built from one pass over the
 * catalog; every role of every entity is resolved up front so that requests
 * only look things up.
 */
export class OwnershipIndex {
  readonly roles: OwnershipRole[];
  readonly indexedAt: string;
  readonly #entities = new Map<string, IndexedEntity>();
  readonly #groups = new Map<string, IndexedGroup>();
  readonly #users = new Map<string, IndexedUser>();
  /** Holder → entities it holds at least one role of, in reference order. */
  readonly #holdings = new Map<string, IndexedEntity[]>();
  readonly #interactions: IndexedInteraction[];
  readonly #observations: IndexedObservation[];

  static build(
    entities: Entity[],
    options: { roles: OwnershipRole[]; indexedAt: Date },
  ): OwnershipIndex {
    return new OwnershipIndex(entities, options);
  }

  private constructor(
    entities: Entity[],
    options: { roles: OwnershipRole[]; indexedAt: Date },
  ) {
    this.roles = options.roles;
    this.indexedAt = options.indexedAt.toISOString();
    const links: Links = { parentage: [], memberships: [] };
    const byRef = entities
      .map(entity => ({ entity, ref: stringifyEntityRef(entity) }))
      .sort((a, b) => a.ref.localeCompare(b.ref));
    for (const { entity, ref } of byRef) this.#add(ref, entity, links);
    this.#link(links);
    this.#resolveRoles();
    this.#interactions = collectInteractions(this.#groups.values());
    this.#observations = collectObservations(this.#entities, this.#groups);
  }

  entity(ref: string): IndexedEntity | undefined {
    return this.#entities.get(ref);
  }

  group(ref: string): IndexedGroup | undefined {
    return this.#groups.get(ref);
  }

  user(ref: string): IndexedUser | undefined {
    return this.#users.get(ref);
  }

  /** Whether the reference names something in the catalog when indexed. */
  has(ref: string): boolean {
    return (
      this.#entities.has(ref) || this.#groups.has(ref) || this.#users.has(ref)
    );
  }

  entities(): IndexedEntity[] {
    return [...this.#entities.values()];
  }

  groups(): IndexedGroup[] {
    return [...this.#groups.values()];
  }

  users(): IndexedUser[] {
    return [...this.#users.values()];
  }

  interactions(): IndexedInteraction[] {
    return this.#interactions;
  }

  observations(): IndexedObservation[] {
    return this.#observations;
  }

  /**
   * Entities any of the holders holds a covered role of, in reference order,
   * without scanning every entity.
   */
  entitiesHeldBy(holders: Iterable<string>): IndexedEntity[] {
    const held = new Set<IndexedEntity>();
    for (const holder of holders) {
      for (const entity of this.#holdings.get(holder) ?? []) held.add(entity);
    }
    return [...held].sort((a, b) => a.ref.localeCompare(b.ref));
  }

  /** The group and every group below it, nearest first. */
  subTeams(groupRef: string): string[] {
    const result = [groupRef];
    for (let i = 0; i < result.length; i++) {
      for (const child of this.#groups.get(result[i])?.children ?? []) {
        if (!result.includes(child)) result.push(child);
      }
    }
    return result;
  }

  /** A role holder as responses show it, also for one that does not exist. */
  ownerSummary(ref: string): OwnerSummary {
    const group = this.#groups.get(ref);
    if (group) {
      const { title, onCall, namespace, name } = group.summary;
      return { ref, kind: 'group', namespace, name, title, onCall };
    }
    const user = this.#users.get(ref);
    if (user) {
      const { displayName, namespace, name } = user.summary;
      return { ref, kind: 'user', namespace, name, title: displayName };
    }
    const { kind, namespace, name } = parseEntityRef(ref);
    return { ref, kind, namespace, name };
  }

  /** Indexes one entity by kind, noting its group relations in `links`. */
  #add(ref: string, entity: Entity, links: Links) {
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const targets = (type: string) =>
      (entity.relations ?? [])
        .filter(r => r.type === type)
        .map(r => normalizeEntityRef(r.targetRef));

    if (responsibilityKinds.includes(kind)) {
      this.#entities.set(ref, {
        ref,
        kind,
        owner: targets('ownedBy')[0],
        responsibilities: parseResponsibilities(entity.spec?.responsibilities, {
          roles: this.roles,
          namespace: entity.metadata.namespace,
        }).responsibilities,
        partOf: targets('partOf'),
        dependsOn: targets('dependsOn'),
        consumesApis: targets('consumesApi'),
        summary: entitySummary(ref, entity),
        roles: [],
      });
    } else if (kind === 'group') {
      const topology = parseTopology(entity.spec?.topology, {
        roles: this.roles,
        namespace: entity.metadata.namespace,
        self: ref,
      }).topology;
      this.#groups.set(ref, {
        ref,
        topology,
        summary: groupSummary(ref, entity, topology),
        children: [],
        members: [],
      });
      for (const child of targets('parentOf'))
        links.parentage.push([ref, child]);
      for (const parent of targets('childOf'))
        links.parentage.push([parent, ref]);
      for (const user of targets('hasMember'))
        links.memberships.push([user, ref]);
    } else if (kind === 'user') {
      this.#users.set(ref, {
        ref,
        summary: userSummary(ref, entity),
        memberOf: [],
      });
      for (const group of targets('memberOf'))
        links.memberships.push([ref, group]);
    }
  }

  /** Sub-teams and members, from either side's relation, in reference order. */
  #link({ parentage, memberships }: Links) {
    for (const [parent, child] of parentage) {
      const group = this.#groups.get(parent);
      if (group && this.#groups.has(child) && !group.children.includes(child)) {
        group.children.push(child);
      }
    }
    for (const [userRef, groupRef] of memberships) {
      const user = this.#users.get(userRef);
      const group = this.#groups.get(groupRef);
      if (!user || !group) continue;
      if (!user.memberOf.includes(groupRef)) user.memberOf.push(groupRef);
      if (!group.members.includes(userRef)) group.members.push(userRef);
    }
    // Relations come in no particular order; keep responses stable.
    for (const group of this.#groups.values()) {
      group.children.sort();
      group.members.sort();
    }
    for (const user of this.#users.values()) user.memberOf.sort();
  }

  /** Every role of every entity, and which entities each holder holds. */
  #resolveRoles() {
    const graph: OwnershipGraph = {
      node: r => this.#entities.get(r),
      exists: r => this.#groups.has(r) || this.#users.has(r),
      isPlatformTeam: r => isPlatformTopology(this.#groups.get(r)?.topology),
    };
    for (const entity of this.#entities.values()) {
      entity.roles = resolveOwnership(graph, entity.ref, this.roles);
      const holders = new Set(
        entity.roles.flatMap(r => (r.status === 'covered' ? [r.owner] : [])),
      );
      for (const holder of holders) {
        const held = this.#holdings.get(holder);
        if (held) held.push(entity);
        else this.#holdings.set(holder, [entity]);
      }
    }
  }
}
