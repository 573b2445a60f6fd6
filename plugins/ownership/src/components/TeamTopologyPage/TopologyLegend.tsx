import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { INTERACTION_MODES } from '@triad/plugin-ownership-common';
import { MODE_LABELS } from '../topologyLabels';
import { TopologyView } from '../topologyTypes';
import {
  LINE_COLOR,
  MISMATCH_COLOR,
  MODE_DASHES,
  TEAM_TYPE_COLORS,
  teamShapePath,
} from './teamTypeStyles';

/** A small box in a team type's colour and shape. */
export function TeamTypeSwatch(props: { type: keyof typeof TEAM_TYPE_COLORS }) {
  const colors = TEAM_TYPE_COLORS[props.type];
  return (
    <svg width={28} height={16} viewBox="-1 -1 30 18" aria-hidden>
      <path
        d={teamShapePath(props.type, 28, 16)}
        fill={colors.fill}
        stroke={colors.stroke}
        strokeWidth={1.5}
      />
    </svg>
  );
}

function LineSample(props: { dash?: string; color: string; opacity?: number }) {
  return (
    <svg width={40} height={10} aria-hidden>
      <line
        x1={2}
        y1={5}
        x2={38}
        y2={5}
        stroke={props.color}
        strokeWidth={2}
        strokeDasharray={props.dash}
        strokeLinecap="round"
        opacity={props.opacity ?? 1}
      />
    </svg>
  );
}

const ARROW_NOTES: Record<string, string> = {
  collaboration: '',
  'x-as-a-service': ' (arrow: provider → consumer)',
  facilitating: ' (arrow: enabling → helped team)',
};

const Item = (props: { symbol: JSX.Element; label: string }) => (
  <Box display="flex" alignItems="center" mr={2} mb={0.5}>
    {props.symbol}
    <Typography variant="caption" style={{ marginLeft: 4 }}>
      {props.label}
    </Typography>
  </Box>
);

/**
 * What the line patterns and colours of the map mean; the team types are
 * explained by the type filter next to it.
 */
export function TopologyLegend(props: { view: TopologyView }) {
  return (
    <Box data-testid="topology-legend">
      <Box display="flex" flexWrap="wrap" alignItems="center">
        <Typography variant="caption" style={{ marginRight: 8 }}>
          <b>Interactions</b>
        </Typography>
        {INTERACTION_MODES.map(m => (
          <Item
            key={m}
            symbol={<LineSample dash={MODE_DASHES[m]} color={LINE_COLOR} />}
            label={`${MODE_LABELS[m]}${ARROW_NOTES[m]}`}
          />
        ))}
        <Item
          symbol={<LineSample color={MISMATCH_COLOR} />}
          label={
            props.view === 'declared'
              ? 'mismatch: declared, not observed'
              : 'mismatch: observed, not declared'
          }
        />
        {props.view === 'declared' && (
          <Item
            symbol={<LineSample color={LINE_COLOR} opacity={0.45} />}
            label="ended (past its until date)"
          />
        )}
      </Box>
      {props.view === 'observed' && (
        <Typography variant="caption" color="textSecondary" component="p">
          Observed lines point from the team whose software depends on the other
          team's, and take the pattern of the interaction declared between the
          two.
        </Typography>
      )}
    </Box>
  );
}
