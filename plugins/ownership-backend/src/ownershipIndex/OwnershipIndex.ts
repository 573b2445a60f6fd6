import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  EntitySummary,
  GroupSummary,
  InteractionMode,
  ON_CALL_ANNOTATIONS,
  OwnerSummary,
  OwnershipGraph,
  OwnershipGraphNode,
  OwnershipRole,
  RESPONSIBILITY_KINDS,
  RoleResolution,
  TeamTopology,
  UserSummary,
  isPlatformTopology,
  normalizeEntityRef,
  orientInteraction,
  parseResponsibilities,
  parseTopology,
  resolveOwnership,
} from '@triad/plugin-ownership-common';

/** An entity that can carry responsibilities, with its roles resolved. */
export interface IndexedEntity extends OwnershipGraphNode {
  summary: EntitySummary;
  consumesApis: string[];
  roles: RoleResolution[];
}

export interface IndexedGroup {
  ref: string;
  summary: GroupSummary;
  topology?: TeamTopology;
  children: string[];
  members: string[];
}

export interface IndexedUser {
  ref: string;
  summary: UserSummary;
  memberOf: string[];
}

/** A declared interaction, merged when both teams declare it. */
export interface IndexedInteraction {
  mode: InteractionMode;
  from: string;
  to: string;
  until?: string;
  declaredBy: string[];
}

/** Entities of two different teams depending on each other. */
export interface IndexedObservation {
  from: string;
  to: string;
  evidence: {
    source: string;
    relation: 'dependsOn' | 'consumesApi';
    target: string;
  }[];
}

/**
 * The fields the index reads; everything else stays in the catalog.
 */
export const INDEX_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.description',
  'metadata.annotations',
  'spec.type',
  'spec.lifecycle',
  'spec.profile',
  'spec.responsibilities',
  'spec.topology',
  'relations',
];

/** The kinds the index reads. */
export const INDEX_KINDS = [...RESPONSIBILITY_KINDS, 'Group', 'User'];

const responsibilityKinds: string[] = RESPONSIBILITY_KINDS.map(k =>
  k.toLocaleLowerCase('en-US'),
);

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
  readonly #interactions: IndexedInteraction[] = [];
  readonly #observations: IndexedObservation[] = [];

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

    const memberships: [user: string, group: string][] = [];
    const parentage: [parent: string, child: string][] = [];
    const byRef = entities
      .map(entity => ({ entity, ref: stringifyEntityRef(entity) }))
      .sort((a, b) => a.ref.localeCompare(b.ref));
    for (const { entity, ref } of byRef) {
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
          responsibilities: parseResponsibilities(
            entity.spec?.responsibilities,
            { roles: this.roles, namespace: entity.metadata.namespace },
          ).responsibilities,
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
        for (const child of targets('parentOf')) parentage.push([ref, child]);
        for (const parent of targets('childOf')) parentage.push([parent, ref]);
        for (const user of targets('hasMember')) memberships.push([user, ref]);
      } else if (kind === 'user') {
        this.#users.set(ref, {
          ref,
          summary: userSummary(ref, entity),
          memberOf: [],
        });
        for (const group of targets('memberOf')) memberships.push([ref, group]);
      }
    }

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

    this.#collectInteractions();
    this.#collectObservations();
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

  #collectInteractions() {
    const byKey = new Map<string, IndexedInteraction & { open: boolean }>();
    for (const group of this.#groups.values()) {
      if (!group.topology) continue;
      for (const declared of group.topology.interactions) {
        const oriented = orientInteraction(
          group.ref,
          group.topology.type,
          declared,
        );
        // Collaboration has no direction, so either team may declare it.
        const key =
          oriented.mode === 'collaboration'
            ? `${oriented.mode} ${[oriented.from, oriented.to]
                .sort()
                .join(' ')}`
            : `${oriented.mode} ${oriented.from} ${oriented.to}`;
        const existing = byKey.get(key);
        if (!existing) {
          byKey.set(key, {
            ...oriented,
            declaredBy: [group.ref],
            open: oriented.until === undefined,
          });
          continue;
        }
        existing.declaredBy.push(group.ref);
        // Open-ended on either side stays open-ended; otherwise the later end.
        existing.open ||= oriented.until === undefined;
        if (
          oriented.until &&
          (!existing.until || oriented.until > existing.until)
        ) {
          existing.until = oriented.until;
        }
      }
    }
    for (const { open, ...interaction } of byKey.values()) {
      if (open) delete interaction.until;
      this.#interactions.push(interaction);
    }
  }

  #collectObservations() {
    const byPair = new Map<string, IndexedObservation>();
    const teamOf = (ref: string) => {
      const owner = this.#entities.get(ref)?.owner;
      return owner && this.#groups.has(owner) ? owner : undefined;
    };
    for (const entity of this.#entities.values()) {
      const from = teamOf(entity.ref);
      if (!from) continue;
      const edges = [
        ...entity.dependsOn.map(t => ['dependsOn', t] as const),
        ...entity.consumesApis.map(t => ['consumesApi', t] as const),
      ];
      for (const [relation, target] of edges) {
        const to = teamOf(target);
        if (!to || to === from) continue;
        const key = `${from} ${to}`;
        const observation = byPair.get(key) ?? { from, to, evidence: [] };
        observation.evidence.push({ source: entity.ref, relation, target });
        byPair.set(key, observation);
      }
    }
    this.#observations.push(...byPair.values());
  }
}

function onCallOf(entity: Entity): Record<string, string> | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const present = ON_CALL_ANNOTATIONS.filter(a => annotations[a]);
  return present.length
    ? Object.fromEntries(present.map(a => [a, annotations[a]]))
    : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function entitySummary(ref: string, entity: Entity): EntitySummary {
  const { kind, namespace, name } = parseEntityRef(ref);
  return {
    ref,
    kind,
    namespace,
    name,
    title: str(entity.metadata.title),
    description: str(entity.metadata.description),
    type: str(entity.spec?.type),
    lifecycle: str(entity.spec?.lifecycle),
    onCall: onCallOf(entity),
  };
}

function groupSummary(
  ref: string,
  entity: Entity,
  topology: TeamTopology | undefined,
): GroupSummary {
  const { namespace, name } = parseEntityRef(ref);
  const profile = entity.spec?.profile as { displayName?: unknown } | undefined;
  return {
    ref,
    namespace,
    name,
    title: str(entity.metadata.title) ?? str(profile?.displayName),
    type: str(entity.spec?.type),
    teamType: topology?.type,
    onCall: onCallOf(entity),
  };
}

function userSummary(ref: string, entity: Entity): UserSummary {
  const { namespace, name } = parseEntityRef(ref);
  const profile = entity.spec?.profile as
    | { displayName?: unknown; email?: unknown }
    | undefined;
  return {
    ref,
    namespace,
    name,
    displayName: str(profile?.displayName) ?? str(entity.metadata.title),
    email: str(profile?.email),
  };
}
