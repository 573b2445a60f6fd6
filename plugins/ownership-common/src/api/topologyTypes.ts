import { InteractionMode } from '../model/types';
import { CatalogStaleness, GroupSummary } from './types';

/**
 * A declared interaction between two teams, with its direction made explicit.
 *
 * @public
 */
export interface TopologyInteraction {
  mode: InteractionMode;
  /** Provider (x-as-a-service), facilitator (facilitating) or either team. */
  from: string;
  to: string;
  until?: string;
  /** The groups whose `spec.topology` declares it. */
  declaredBy: string[];
  /** `until` has passed. */
  stale: boolean;
  /** Some dependency between the two teams' entities backs it up. */
  observed: boolean;
}

/**
 * A dependency between entities of different teams that shows the teams work
 * together.
 *
 * @public
 */
export interface ObservedInteraction {
  /** The team whose entities depend on the other team's. */
  from: string;
  to: string;
  /** Whether any interaction between the two teams is declared. */
  declared: boolean;
  evidence: {
    source: string;
    relation: 'dependsOn' | 'consumesApi';
    target: string;
  }[];
}

/**
 * A team on the topology map.
 *
 * @public
 */
export interface TopologyTeam {
  team: GroupSummary;
  disciplines: string[];
  /** Direct members. */
  memberCount: number;
  /** Entities the team holds each role for. */
  owns: { role: string; title: string; entities: string[] }[];
}

/**
 * Response of `GET /v1/topology`.
 *
 * @public
 */
export interface TopologyResponse {
  teams: TopologyTeam[];
  declared: TopologyInteraction[];
  observed: ObservedInteraction[];
  indexedAt: string;
  /** Present when visibility came from earlier catalog answers. */
  catalogStale?: CatalogStaleness;
}
