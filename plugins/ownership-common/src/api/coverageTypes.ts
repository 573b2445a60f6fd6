import { OwnershipProvenance } from '../resolution/resolveOwnership';
import {
  CatalogStaleness,
  EntitySummary,
  GroupSummary,
  OwnerSummary,
} from './types';
import { TopologyInteraction } from './topologyTypes';

/**
 * Per-role coverage of production components.
 *
 * @public
 */
export interface RoleCoverage {
  role: string;
  title: string;
  /** Production components the caller may read. */
  total: number;
  covered: number;
  /** covered / total; null when there are no production components. */
  share: number | null;
  uncovered: EntitySummary[];
  orphaned: {
    entity: EntitySummary;
    owner: OwnerSummary;
    provenance: OwnershipProvenance;
  }[];
}

/**
 * Response of `GET /v1/coverage`.
 *
 * @public
 */
export interface CoverageResponse {
  roles: RoleCoverage[];
  /** Teams that hold more than one role for some entity. */
  multiRoleTeams: { team: GroupSummary; roles: string[] }[];
  /** Declared interactions whose `until` has passed. */
  staleInteractions: TopologyInteraction[];
  indexedAt: string;
  /** Present when visibility came from earlier catalog answers. */
  catalogStale?: CatalogStaleness;
}
