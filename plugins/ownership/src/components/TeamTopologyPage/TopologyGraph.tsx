import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { graphShape } from '../graphShape';
import { mapElements } from '../mapElements';
import { TEAM_TYPE_LABELS } from '../topologyLabels';
import { MapEdge, MapNode, TopologyEdge, TopologyNode } from '../topologyTypes';
import {
  LINE_COLOR,
  MISMATCH_COLOR,
  MODE_DASHES,
  NODE_WIDTH,
  TEAM_TYPE_COLORS,
  teamShapePath,
} from './teamTypeStyles';

const ARROW = 'triad-topology-arrow';
const ARROW_MISMATCH = 'triad-topology-arrow-mismatch';
const NODE_MARGIN = 24;
const RANK_MARGIN = 28;
/** Wider than this, a left-to-right map is laid out top to bottom instead. */
const MAX_LR_WIDTH = 1200;

const truncate = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

function TeamBox(props: { node: TopologyNode }) {
  const { node } = props;
  const entityLink = useEntityRefLink();
  const navigate = useNavigate();
  const href = entityLink(node.ref);
  const colors = TEAM_TYPE_COLORS[node.teamType];
  const typeLabel = node.isTeam
    ? TEAM_TYPE_LABELS[node.teamType]
    : 'Group, not a team';
  const members =
    node.memberCount === undefined
      ? ''
      : ` · ${node.memberCount} member${node.memberCount === 1 ? '' : 's'}`;
  return (
    <a
      href={href}
      onClick={e => {
        e.preventDefault();
        navigate(href);
      }}
      aria-label={`${node.title}, ${typeLabel}`}
      data-testid="topology-node"
      data-ref={node.ref}
      data-team-type={node.teamType}
      style={{ cursor: 'pointer' }}
    >
      <title>
        {`${node.title} (${node.ref}): ${typeLabel}${members}${
          node.disciplines.length
            ? `; practises ${node.disciplines.join(', ')}`
            : ''
        }. Click to open the team page.`}
      </title>
      <path
        d={teamShapePath(node.teamType)}
        fill={colors.fill}
        stroke={colors.stroke}
        strokeWidth={2}
        strokeDasharray={node.isTeam ? undefined : '4 3'}
      />
      <text
        x={NODE_WIDTH / 2}
        y={24}
        textAnchor="middle"
        fontSize={14}
        fontWeight={600}
        fill="#1a1a1a"
      >
        {truncate(node.title, 24)}
      </text>
      <text
        x={NODE_WIDTH / 2}
        y={44}
        textAnchor="middle"
        fontSize={11}
        fill="#333333"
      >
        {truncate(`${typeLabel}${members}`, 32)}
      </text>
    </a>
  );
}

const LABEL_LINE_HEIGHT = 14;

/** The size of an interaction label box (SVG text cannot be measured first). */
export function labelSize(lines: string[]): { width: number; height: number } {
  const longest = Math.max(...lines.map(l => l.length), 1);
  return {
    width: Math.round(longest * 6.3 + 14),
    height: lines.length * LABEL_LINE_HEIGHT + 8,
  };
}

const lineColor = (e: TopologyEdge) =>
  e.mismatch ? MISMATCH_COLOR : LINE_COLOR;

function InteractionLabel(props: {
  interaction: TopologyEdge;
  lines: string[];
}) {
  const { interaction: e, lines } = props;
  const { width, height } = labelSize(lines);
  const color = lineColor(e);
  return (
    <g
      data-testid="topology-interaction"
      data-from={e.from}
      data-to={e.to}
      data-view={e.view}
      data-modes={e.modes.join(' ')}
      data-mismatch={String(e.mismatch)}
      data-stale={String(e.stale)}
      opacity={e.stale ? 0.6 : 1}
    >
      <title>{e.description}</title>
      <rect
        width={width}
        height={height}
        rx={height / 2}
        fill="#ffffff"
        stroke={color}
        strokeWidth={1}
        strokeDasharray={e.modes[0] ? MODE_DASHES[e.modes[0]] : undefined}
      />
      {lines.map((line, i) => (
        <text
          key={i}
          x={width / 2}
          y={4 + LABEL_LINE_HEIGHT * (i + 1) - 3}
          textAnchor="middle"
          fontSize={11}
          fontWeight={e.mismatch && i > 0 ? 600 : 400}
          fill={i === 0 ? '#1a1a1a' : color}
        >
          {line}
        </text>
      ))}
    </g>
  );
}

/** A smooth line through dagre's points. */
export function linePath(points: { x: number; y: number }[]): string {
  const p = points.filter(pt => Number.isFinite(pt.x) && Number.isFinite(pt.y));
  if (p.length < 2) return '';
  let d = `M${p[0].x},${p[0].y}`;
  for (let i = 1; i < p.length - 1; i++) {
    const mx = (p[i].x + p[i + 1].x) / 2;
    const my = (p[i].y + p[i + 1].y) / 2;
    d += ` Q${p[i].x},${p[i].y} ${mx},${my}`;
  }
  const last = p[p.length - 1];
  return `${d} L${last.x},${last.y}`;
}

function Segment(props: {
  edge: DependencyGraphTypes.RenderEdgeProps<MapEdge>['edge'];
}) {
  const { edge } = props;
  const d = linePath(edge.points ?? []);
  if (!d) return null;
  const e = edge.interaction;
  const mode = e.modes[0];
  const directed = e.view === 'observed' || mode !== 'collaboration';
  return (
    <path
      d={d}
      data-testid="topology-edge"
      fill="none"
      stroke={lineColor(e)}
      strokeWidth={e.mismatch ? 2.5 : 2}
      strokeDasharray={mode ? MODE_DASHES[mode] : undefined}
      strokeLinecap="round"
      opacity={e.stale ? 0.6 : 1}
      markerEnd={
        directed && edge.segment === 'out'
          ? `url(#${e.mismatch ? ARROW_MISMATCH : ARROW})`
          : undefined
      }
    />
  );
}

const marker = (id: string, color: string) => (
  <marker
    key={id}
    id={id}
    viewBox="0 0 10 10"
    refX="9"
    refY="5"
    markerWidth="9"
    markerHeight="9"
    orient="auto-start-reverse"
    markerUnits="userSpaceOnUse"
  >
    <path d="M0,0 L10,5 L0,10 z" fill={color} />
  </marker>
);

/**
 * Left to right while that stays narrow enough to read, else top to bottom,
 * whichever is narrower.
 */
export function chooseDirection(graph: {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}): DependencyGraphTypes.Direction {
  const { depth, breadth } = graphShape(graph);
  const labelWidth = 140;
  const step = labelWidth + 2 * RANK_MARGIN;
  const lrWidth = depth * NODE_WIDTH + (depth - 1) * step;
  const tbWidth = breadth * (NODE_WIDTH + NODE_MARGIN);
  return lrWidth <= MAX_LR_WIDTH || lrWidth <= tbWidth
    ? DependencyGraphTypes.Direction.LEFT_RIGHT
    : DependencyGraphTypes.Direction.TOP_BOTTOM;
}

/** The team map: the core dependency graph with team boxes and styled lines. */
export function TopologyGraph(props: {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}) {
  const { nodes, edges } = props;
  const elements = useMemo(() => mapElements({ nodes, edges }), [nodes, edges]);
  const direction = useMemo(
    () => chooseDirection({ nodes, edges }),
    [nodes, edges],
  );
  return (
    <DependencyGraph<MapNode, MapEdge>
      nodes={elements.nodes}
      edges={elements.edges}
      direction={direction}
      ranker={
        nodes.length > 150
          ? DependencyGraphTypes.Ranker.LONGEST_PATH
          : DependencyGraphTypes.Ranker.NETWORK_SIMPLEX
      }
      nodeMargin={NODE_MARGIN}
      rankMargin={RANK_MARGIN}
      paddingX={16}
      paddingY={16}
      zoom="enable-on-click"
      defs={[marker(ARROW, LINE_COLOR), marker(ARROW_MISMATCH, MISMATCH_COLOR)]}
      renderNode={({ node }) =>
        node.kind === 'team' ? (
          <TeamBox node={node} />
        ) : (
          <InteractionLabel interaction={node.interaction} lines={node.lines} />
        )
      }
      renderEdge={({ edge, id }) => (
        <Segment key={`${id.v}-${id.w}`} edge={edge} />
      )}
      data-testid="team-topology-graph"
      data-direction={direction}
    />
  );
}
