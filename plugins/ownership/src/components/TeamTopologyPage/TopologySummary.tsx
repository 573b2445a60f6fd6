import Typography from '@material-ui/core/Typography';
import { TopologyResponse } from '@triad/plugin-ownership-common';

/** The map in numbers: teams, declared and observed interactions. */
export function TopologySummary(props: { topology: TopologyResponse }) {
  const { teams, declared, observed } = props.topology;
  const unobserved = declared.filter(d => !d.observed).length;
  const stale = declared.filter(d => d.stale).length;
  const undeclared = observed.filter(o => !o.declared).length;
  return (
    <Typography variant="body2" data-testid="topology-summary">
      {teams.length} teams · {declared.length} declared interactions (
      {unobserved} not observed, {stale} ended) · {observed.length} observed
      dependencies between teams ({undeclared} undeclared)
    </Typography>
  );
}
