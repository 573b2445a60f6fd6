import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import Typography from '@material-ui/core/Typography';
import { TEAM_TYPE_LABELS } from '../topologyLabels';
import { TeamTypeKey } from '../topologyTypes';
import { TeamTypeSwatch } from './TopologyLegend';

/** A checkbox per team type on the map, each with its colour and shape. */
export function TeamTypeFilter(props: {
  types: readonly TeamTypeKey[];
  shown: (type: TeamTypeKey) => boolean;
  onToggle: (type: TeamTypeKey) => void;
}) {
  const { types, shown, onToggle } = props;
  return (
    <FormGroup row aria-label="Team types" style={{ alignItems: 'center' }}>
      <Typography variant="caption" style={{ marginRight: 12 }}>
        <b>Team types</b>
      </Typography>
      {types.map(t => (
        <FormControlLabel
          key={t}
          control={
            <Checkbox
              size="small"
              checked={shown(t)}
              onChange={() => onToggle(t)}
            />
          }
          label={
            <Box display="flex" alignItems="center">
              <TeamTypeSwatch type={t} />
              <Typography variant="body2" style={{ marginLeft: 6 }}>
                {TEAM_TYPE_LABELS[t]}
              </Typography>
            </Box>
          }
        />
      ))}
    </FormGroup>
  );
}
