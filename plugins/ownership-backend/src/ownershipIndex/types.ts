import {
  EntitySummary,
  GroupSummary,
  InteractionMode,
  OwnershipGraphNode,
  RoleResolution,
  TeamTopology,
  UserSummary,
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
