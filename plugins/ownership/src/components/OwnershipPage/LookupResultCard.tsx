import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { LookupResult, RoleEntities } from '@triad/plugin-ownership-common';
import { EntityLink } from '../EntityLink';
import { EntityLinkList } from '../EntityLinkList';
import { RoleOwnershipTable } from '../RoleOwnershipTable';
import { resultSummary } from './resultSummary';

function Holdings(props: { responsibilities: RoleEntities[] }) {
  return (
    <Box component="dl" m={0}>
      {props.responsibilities.map(r => (
        <Box key={r.role} display="flex" flexWrap="wrap" mb={0.5}>
          <Typography
            component="dt"
            variant="subtitle2"
            style={{ minWidth: 96 }}
          >
            {r.title} ({r.entities.length})
          </Typography>
          <Typography component="dd" variant="body2" style={{ margin: 0 }}>
            {r.entities.length === 0 ? (
              'nothing'
            ) : (
              <EntityLinkList entities={r.entities} />
            )}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** Who holds each role for an entity, or what a team or person answers for. */
function ResultBody(props: { result: LookupResult }) {
  const { result } = props;
  switch (result.type) {
    case 'entity':
      return <RoleOwnershipTable roles={result.roles} />;
    case 'group':
      return (
        <>
          <Typography variant="body2" gutterBottom>
            With its sub-teams, it is responsible for:
          </Typography>
          <Holdings responsibilities={result.responsibilities} />
        </>
      );
    case 'user':
    default:
      return (
        <>
          <Typography variant="body2" gutterBottom>
            {result.teams.length === 0 ? (
              'Member of no team.'
            ) : (
              <>
                Member of <EntityLinkList entities={result.teams} />, whose
                teams are responsible for:
              </>
            )}
          </Typography>
          {result.teams.length > 0 && (
            <Holdings responsibilities={result.responsibilities} />
          )}
        </>
      );
  }
}

/** One lookup result: what it is, linked, and what it holds or who holds it. */
export function LookupResultCard(props: { result: LookupResult }) {
  const { result } = props;
  const { ref, title, kind } = resultSummary(result);
  return (
    <Paper variant="outlined" data-testid="lookup-result">
      <Box p={2}>
        <Typography variant="h6" component="h3" gutterBottom>
          <EntityLink entityRef={ref} title={title} />{' '}
          <Typography component="span" variant="caption" color="textSecondary">
            {kind}
          </Typography>
        </Typography>
        <ResultBody result={result} />
      </Box>
    </Paper>
  );
}
