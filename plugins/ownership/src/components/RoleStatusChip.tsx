import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';

/** Why a role has no holder the user can follow: none, missing, or hidden. */
export type GapStatus = 'uncovered' | 'orphaned' | 'restricted';

const EXPLANATIONS: Record<GapStatus, string> = {
  uncovered:
    'Nobody holds this role: not the entity, not anything it is part of, and no rule derives it.',
  orphaned:
    'The role is assigned to a group or user that does not exist in the catalog.',
  restricted: 'The role is held by a team you may not see in the catalog.',
};

// White text on each colour has a contrast of at least 4.5:1 (WCAG AA).
const STYLES: Record<GapStatus, { background: string; color: string }> = {
  uncovered: { background: '#b54708', color: '#fff' },
  orphaned: { background: '#c62828', color: '#fff' },
  restricted: { background: '#616161', color: '#fff' },
};

/** A role nobody holds, held by nobody real, or held out of sight. */
export function RoleStatusChip(props: { status: GapStatus }) {
  return (
    <Tooltip title={EXPLANATIONS[props.status]}>
      <Chip
        size="small"
        label={props.status}
        style={STYLES[props.status]}
        data-testid={`status-${props.status}`}
      />
    </Tooltip>
  );
}
