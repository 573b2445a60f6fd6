import { OwnershipProvenance } from '../resolution/resolveOwnership';
import { TeamType } from '../model/types';

/**
 * Annotations of on-call tools that ownership views show when present.
 *
 * @public
 */
export const ON_CALL_ANNOTATIONS = [
  'pagerduty.com/service-id',
  'pagerduty.com/integration-key',
  'opsgenie.com/team',
  'opsgenie.com/component-selector',
  'splunk.com/on-call-team',
] as const;

/**
 * An entity as ownership responses show it.
 *
 * @public
 */
export interface EntitySummary {
  /** The entity's reference, e.g. `component:default/checkout-service`. */
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  description?: string;
  /** `spec.type` */
  type?: string;
  /** `spec.lifecycle` */
  lifecycle?: string;
  /** On-call annotations present on the entity (see ON_CALL_ANNOTATIONS). */
  onCall?: Record<string, string>;
}

/**
 * A group as ownership responses show it.
 *
 * @public
 */
export interface GroupSummary {
  ref: string;
  namespace: string;
  name: string;
  title?: string;
  /** `spec.type`, e.g. `team` or `department`. */
  type?: string;
  /** `spec.topology.type`, when the group declares a topology. */
  teamType?: TeamType;
  onCall?: Record<string, string>;
}

/**
 * A user as ownership responses show it.
 *
 * @public
 */
export interface UserSummary {
  ref: string;
  namespace: string;
  name: string;
  displayName?: string;
  email?: string;
}

/**
 * The holder of a role: a group or user, or — when orphaned — the reference
 * to a group or user that does not exist (then only ref, kind, namespace and
 * name are set).
 *
 * @public
 */
export interface OwnerSummary {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  onCall?: Record<string, string>;
}

/**
 * Who holds one role for one entity, as the API returns it.
 *
 * @remarks
 * `restricted`: the role is held, but by a group or user the caller may not
 * read in the catalog.
 *
 * @public
 */
export type RoleOwnership =
  | {
      role: string;
      title: string;
      status: 'covered' | 'orphaned';
      owner: OwnerSummary;
      /** Only entities the caller may read are listed in `path`. */
      provenance: OwnershipProvenance;
    }
  | { role: string; title: string; status: 'uncovered'; searched: string[] }
  | { role: string; title: string; status: 'restricted' };

/**
 * Set on an answer when the catalog failed or was slow and what the caller
 * may see was decided from the catalog's earlier answers to the same caller.
 *
 * @public
 */
export interface CatalogStaleness {
  /** When the oldest earlier answer used was given (ISO 8601). */
  asOf: string;
  /** Its age when this answer was made, in whole seconds. */
  ageSeconds: number;
  /** Why the catalog's answer was not used. */
  reason: string;
}

/**
 * Response of `GET /v1/entities/:kind/:namespace/:name`.
 *
 * @public
 */
export interface EntityOwnershipResponse {
  entity: EntitySummary;
  roles: RoleOwnership[];
  /** When the index that answered was built (ISO 8601). */
  indexedAt: string;
  /** Present when visibility came from earlier catalog answers. */
  catalogStale?: CatalogStaleness;
}

/**
 * One entity a team holds a role for, and how it came to hold it.
 *
 * @public
 */
export interface ResponsibilityItem {
  entity: EntitySummary;
  /** The team (the group itself or a sub-team) that holds the role. */
  heldBy: string;
  provenance: OwnershipProvenance;
}

/**
 * Response of `GET /v1/groups/:namespace/:name/responsibilities`.
 *
 * @public
 */
export interface GroupResponsibilitiesResponse {
  group: GroupSummary;
  includeSubTeams: boolean;
  /** The group and, with `includeSubTeams`, every group below it. */
  teams: GroupSummary[];
  roles: { role: string; title: string; items: ResponsibilityItem[] }[];
  indexedAt: string;
  /** Present when visibility came from earlier catalog answers. */
  catalogStale?: CatalogStaleness;
}
