/**
 * Entity kinds that may carry `spec.responsibilities`.
 *
 * @public
 */
export const RESPONSIBILITY_KINDS = [
  'Component',
  'System',
  'Domain',
  'Resource',
  'API',
] as const;

/**
 * Team types of Team Topologies.
 *
 * @public
 */
export const TEAM_TYPES = [
  'stream-aligned',
  'platform',
  'enabling',
  'complicated-subsystem',
] as const;

/** @public */
export type TeamType = (typeof TEAM_TYPES)[number];

/**
 * Interaction modes of Team Topologies.
 *
 * @public
 */
export const INTERACTION_MODES = [
  'collaboration',
  'x-as-a-service',
  'facilitating',
] as const;

/** @public */
export type InteractionMode = (typeof INTERACTION_MODES)[number];

/**
 * One entry of `spec.responsibilities`, with its reference made complete.
 *
 * @public
 */
export interface Responsibility {
  role: string;
  /** Full entity reference, e.g. `group:default/sre-core`. */
  ref: string;
}

/**
 * One entry of `spec.topology.interactions`, as written on the declaring group.
 *
 * @public
 */
export interface DeclaredInteraction {
  /** Full reference of the other team. */
  with: string;
  mode: InteractionMode;
  /** `YYYY-MM-DD`; the interaction is planned to end on that day. */
  until?: string;
}

/**
 * `spec.topology` of a Group.
 *
 * @public
 */
export interface TeamTopology {
  type: TeamType;
  /** Ids of the roles this team practises. */
  disciplines: string[];
  interactions: DeclaredInteraction[];
}
