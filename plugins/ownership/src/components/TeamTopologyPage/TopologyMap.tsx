import { EmptyState, InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { TopologyResponse } from '@triad/plugin-ownership-common';
import { useMemo } from 'react';
import { buildTopologyGraph, disciplinesOf } from '../buildTopologyGraph';
import { IsolatedTeams } from './IsolatedTeams';
import { MismatchList } from './MismatchList';
import { TopologyControls } from './TopologyControls';
import { TopologyGraph } from './TopologyGraph';
import { TopologyLegend } from './TopologyLegend';
import { TopologySummary } from './TopologySummary';
import { useTopologyFilter } from './useTopologyFilter';

/** Above this many teams, teams without lines are listed instead of drawn. */
export const AUTO_HIDE_ISOLATED_ABOVE = 50;

/** The team map with its filters, and the mismatches under it. */
export function TopologyMap(props: { topology: TopologyResponse }) {
  const { topology } = props;
  const filter = useTopologyFilter(topology);
  const { view, types, discipline, search } = filter;
  const disciplines = useMemo(() => disciplinesOf(topology), [topology]);
  const titles = useMemo(
    () =>
      new Map(
        topology.teams.map(t => [t.team.ref, t.team.title ?? t.team.name]),
      ),
    [topology],
  );

  const filtered = useMemo(
    () =>
      buildTopologyGraph(topology, {
        view,
        teamTypes: types,
        discipline,
        search,
      }),
    [topology, view, types, discipline, search],
  );
  const hideIsolated =
    filter.hideIsolated ?? filtered.nodes.length > AUTO_HIDE_ISOLATED_ABOVE;
  const { drawn, isolated } = useMemo(() => {
    if (!hideIsolated) return { drawn: filtered.nodes, isolated: [] };
    const connected = new Set(filtered.edges.flatMap(e => [e.from, e.to]));
    return {
      drawn: filtered.nodes.filter(n => connected.has(n.id)),
      isolated: filtered.nodes.filter(n => !connected.has(n.id)),
    };
  }, [filtered, hideIsolated]);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="Teams and how they work together">
          <Grid container spacing={2} alignItems="center">
            <TopologyControls
              filter={filter}
              disciplines={disciplines}
              hideIsolated={hideIsolated}
            />
            <Grid item xs={12}>
              <TopologyLegend view={view} />
            </Grid>
            <Grid item xs={12}>
              <TopologySummary topology={topology} />
            </Grid>
          </Grid>
          <Box mt={2} minHeight={120}>
            {drawn.length === 0 ? (
              <EmptyState
                missing="data"
                title="No team matches the filters"
                description="Change the team types, discipline or search above."
              />
            ) : (
              <TopologyGraph key={view} nodes={drawn} edges={filtered.edges} />
            )}
          </Box>
          <IsolatedTeams teams={isolated} view={view} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Mismatches"
          subheader="Where declared interactions and dependencies between the teams’ software disagree"
        >
          <MismatchList topology={topology} titles={titles} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
