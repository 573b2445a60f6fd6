import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { OwnershipSource } from '@triad/plugin-ownership-common';
import { SOURCE_EXPLANATIONS, SOURCE_LABELS } from './provenance';

// Each colour keeps a contrast of at least 4.5:1 on a card (WCAG AA).
const COLORS: Record<OwnershipSource, string> = {
  explicit: '#1565c0',
  inherited: '#6a1b9a',
  derived: '#00796b',
  default: '#616161',
};

const useStyles = makeStyles({
  chip: {
    fontWeight: 500,
    borderWidth: 1.5,
  },
});

/** The rule that found a role holder: explicit, inherited, derived, default. */
export function ProvenanceBadge(props: { source: OwnershipSource }) {
  const classes = useStyles();
  const color = COLORS[props.source] ?? COLORS.default;
  return (
    <Tooltip title={SOURCE_EXPLANATIONS[props.source] ?? ''}>
      <Chip
        size="small"
        variant="outlined"
        className={classes.chip}
        style={{ color, borderColor: color }}
        label={SOURCE_LABELS[props.source] ?? props.source}
        data-testid={`provenance-${props.source}`}
      />
    </Tooltip>
  );
}
