import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { TopologyResponse } from '@triad/plugin-ownership-common';
import { ReactNode } from 'react';
import { EntityLink } from '../EntityLink';
import { evidenceText } from '../evidenceText';

/** One kind of mismatch: its count, the mismatches, or that there are none. */
function MismatchColumn(props: {
  title: string;
  count: number;
  /** Said when there is none. */
  none: string;
  children: ReactNode;
}) {
  return (
    <Grid item xs={12} md={6}>
      <Typography variant="h6" component="h3" gutterBottom>
        {props.title} ({props.count})
      </Typography>
      {props.count === 0 && (
        <Typography variant="body2">{props.none}</Typography>
      )}
      {props.children}
    </Grid>
  );
}

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
      <MismatchColumn
        title="Observed, not declared"
        count={undeclared.length}
        none="Every dependency between teams is backed by a declared interaction."
      >
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
              {evidenceText(o.evidence)}
            </Typography>
          </Box>
        ))}
      </MismatchColumn>
      <MismatchColumn
        title="Declared, not observed"
        count={unobserved.length}
        none="Every declared interaction shows in the teams’ dependencies."
      >
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
      </MismatchColumn>
    </Grid>
  );
}
