import {
  EntitySummary,
  GroupSummary,
  RoleOwnership,
  UserSummary,
  CatalogStaleness,
} from './types';

/**
 * Entities per role, as lookup results list them.
 *
 * @public
 */
export interface RoleEntities {
  role: string;
  title: string;
  entities: EntitySummary[];
}

/**
 * One match of a lookup.
 *
 * @public
 */
export type LookupResult =
  | { type: 'entity'; entity: EntitySummary; roles: RoleOwnership[] }
  | {
      type: 'group';
      group: GroupSummary;
      /** What the group and its sub-teams hold, per role. */
      responsibilities: RoleEntities[];
    }
  | {
      type: 'user';
      user: UserSummary;
      teams: GroupSummary[];
      /** What the user's teams and their sub-teams hold, per role. */
      responsibilities: RoleEntities[];
    };

/**
 * Response of `GET /v1/lookup?q=`.
 *
 * @public
 */
export interface LookupResponse {
  query: string;
  results: LookupResult[];
  indexedAt: string;
  /** Present when visibility came from earlier catalog answers. */
  catalogStale?: CatalogStaleness;
}
