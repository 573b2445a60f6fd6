import { InteractionMode, TeamType } from '@triad/plugin-ownership-common';

/** Declared interactions, or the dependencies observed between teams. */
export type TopologyView = 'declared' | 'observed';

/** `none`: a team without `spec.topology.type`. */
export type TeamTypeKey = TeamType | 'none';

/** A team on the map. */
export interface TeamNodeData {
  ref: string;
  title: string;
  teamType: TeamTypeKey;
  disciplines: string[];
  memberCount?: number;
  /** False for a group that is not a team but takes part in an interaction. */
  isTeam: boolean;
}

/** One line between two teams; interactions of one direction share it. */
export interface InteractionEdgeData {
  view: TopologyView;
  /** Declared modes; for observed lines, the modes declared between the pair. */
  modes: InteractionMode[];
  /**
   * Declared but no dependency backs it (declared view), or a dependency
   * nobody declared (observed view).
   */
  mismatch: boolean;
  /** Every declared interaction on the line has passed its `until`. */
  stale: boolean;
  until?: string;
  /** Observed view: the dependencies that show it. */
  evidence: { source: string; relation: string; target: string }[];
  /** Mode and status in words, drawn next to the line. */
  label: string;
  /** Everything about the line, for its tooltip. */
  description: string;
}

export interface TopologyNode extends TeamNodeData {
  id: string;
}

export interface TopologyEdge extends InteractionEdgeData {
  from: string;
  to: string;
}

export interface TopologyFilter {
  view: TopologyView;
  /** Team types to show; empty shows every type. */
  teamTypes?: TeamTypeKey[];
  /** Show teams practising this discipline; empty shows all. */
  discipline?: string;
  /**
   * Show teams whose name or title contains this, with the teams they
   * interact with in the current view.
   */
  search?: string;
  /** Leave out teams without a line in the current view. */
  connectedOnly?: boolean;
}

/** A box on the map: a team, or the label of the interaction between two. */
export type MapNode =
  | ({ kind: 'team' } & TopologyNode)
  | {
      kind: 'interaction';
      id: string;
      interaction: TopologyEdge;
      /** The label, one entry per line. */
      lines: string[];
    };

/** Half a line: from a team to its interaction's label, or from the label on. */
export interface MapEdge {
  from: string;
  to: string;
  interaction: TopologyEdge;
  segment: 'in' | 'out';
}
