import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { EntityLinkList } from '../EntityLinkList';
import { TopologyNode, TopologyView } from '../topologyTypes';

/** The teams left off the map because they have no line in this view. */
export function IsolatedTeams(props: {
  teams: readonly TopologyNode[];
  view: TopologyView;
}) {
  const { teams, view } = props;
  if (teams.length === 0) return null;
  return (
    <Box mt={2} data-testid="isolated-teams">
      <Typography variant="body2" gutterBottom>
        {teams.length} team{teams.length === 1 ? '' : 's'} without {view}{' '}
        interactions:
      </Typography>
      <Typography variant="body2">
        <EntityLinkList entities={teams} />
      </Typography>
    </Box>
  );
}
