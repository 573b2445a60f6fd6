import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { TopologyResponse } from '@triad/plugin-ownership-common';
import { EntityLink } from '../EntityLink';
import { shortRef } from '../refs';

/**
 * Where what teams say and what their software does disagree, in words:
 * dependencies nobody declared, and declared interactions no dependency
 * shows.
 */
export function MismatchList(props: {
  topology: TopologyResponse;
  titles: Map<string, string>;
}) {
  const { topology, titles } = props;
  const team = (ref: string) => (
    <EntityLink entityRef={ref} title={titles.get(ref)} />
  );
  const undeclared = topology.observed.filter(o => !o.declared);
  const unobserved = topology.declared.filter(d => !d.observed);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <Typography variant="h6" component="h3" gutterBottom>
          Observed, not declared ({undeclared.length})
        </Typography>
        {undeclared.length === 0 && (
          <Typography variant="body2">
            Every dependency between teams is backed by a declared interaction.
          </Typography>
        )}
        {undeclared.map(o => (
          <Box
            key={`${o.from}-${o.to}`}
            mb={1}
            data-testid="undeclared-interaction"
          >
            <Typography variant="body2">
              {team(o.from)} depends on {team(o.to)}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {o.evidence
                .map(
                  e =>
                    `${shortRef(e.source)} ${e.relation} ${shortRef(e.target)}`,
                )
                .join('; ')}
            </Typography>
          </Box>
        ))}
      </Grid>
      <Grid item xs={12} md={6}>
        <Typography variant="h6" component="h3" gutterBottom>
          Declared, not observed ({unobserved.length})
        </Typography>
        {unobserved.length === 0 && (
          <Typography variant="body2">
            Every declared interaction shows in the teams’ dependencies.
          </Typography>
        )}
        {unobserved.map(d => (
          <Box
            key={`${d.from}-${d.to}-${d.mode}`}
            mb={1}
            data-testid="unobserved-interaction"
          >
            <Typography variant="body2">
              {team(d.from)} → {team(d.to)}: {d.mode}
              {d.until ? ` until ${d.until}` : ''}
              {d.stale ? ' (ended)' : ''}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {d.mode === 'x-as-a-service'
                ? 'A service nobody visibly uses: no dependency between the two teams’ software.'
                : 'No dependency between the two teams’ software; normal for coaching and collaboration on practices.'}
            </Typography>
          </Box>
        ))}
      </Grid>
    </Grid>
  );
}
