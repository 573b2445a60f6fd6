import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { TopologyResponse } from '@triad/plugin-ownership-common';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ownershipApiRef } from '../../api/OwnershipApi';
import { EntityLink } from '../EntityLink';
import { BackendErrorPanel, SearchField } from '@triad/frontend-utils';
import {
  buildTopologyGraph,
  disciplinesOf,
  TEAM_TYPE_LABELS,
  TeamTypeKey,
  TopologyView,
} from '../buildTopologyGraph';
import { MismatchList } from './MismatchList';
import { TEAM_TYPE_ORDER } from './teamTypeStyles';
import { TeamTypeSwatch, TopologyLegend } from './TopologyLegend';
import { TopologyGraph } from './TopologyGraph';

/** Above this many teams, teams without lines are listed instead of drawn. */
export const AUTO_HIDE_ISOLATED_ABOVE = 50;

function Summary(props: { topology: TopologyResponse }) {
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

function TopologyMap(props: { topology: TopologyResponse }) {
  const { topology } = props;
  const [view, setView] = useState<TopologyView>('declared');
  const [types, setTypes] = useState<TeamTypeKey[]>([]);
  const [discipline, setDiscipline] = useState('');
  const [search, setSearch] = useState('');
  const [hideIsolatedChoice, setHideIsolated] = useState<boolean>();

  const presentTypes = useMemo(() => {
    const present = new Set(topology.teams.map(t => t.team.teamType ?? 'none'));
    return TEAM_TYPE_ORDER.filter(t => present.has(t) || t !== 'none');
  }, [topology]);
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
    hideIsolatedChoice ?? filtered.nodes.length > AUTO_HIDE_ISOLATED_ABOVE;
  const { drawn, isolated } = useMemo(() => {
    if (!hideIsolated) return { drawn: filtered.nodes, isolated: [] };
    const connected = new Set(filtered.edges.flatMap(e => [e.from, e.to]));
    return {
      drawn: filtered.nodes.filter(n => connected.has(n.id)),
      isolated: filtered.nodes.filter(n => !connected.has(n.id)),
    };
  }, [filtered, hideIsolated]);

  const toggleType = (t: TeamTypeKey) =>
    setTypes(current => {
      const base = current.length ? current : presentTypes;
      const next = base.includes(t) ? base.filter(x => x !== t) : [...base, t];
      return next.length === presentTypes.length ? [] : next;
    });
  const typeShown = (t: TeamTypeKey) => !types.length || types.includes(t);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title="Teams and how they work together">
          <Grid container spacing={2} alignItems="center">
            <Grid item>
              <ToggleButtonGroup
                size="small"
                exclusive
                value={view}
                onChange={(_, v) => v && setView(v)}
                aria-label="Interactions to show"
              >
                <ToggleButton value="declared" aria-label="Declared">
                  Declared
                </ToggleButton>
                <ToggleButton value="observed" aria-label="Observed">
                  Observed
                </ToggleButton>
              </ToggleButtonGroup>
            </Grid>
            <Grid item xs={12} sm={3} md={2}>
              <TextField
                select
                fullWidth
                size="small"
                variant="outlined"
                label="Discipline"
                value={discipline}
                onChange={e => setDiscipline(e.target.value)}
                inputProps={{ 'aria-label': 'Discipline' }}
              >
                <MenuItem value="">All</MenuItem>
                {disciplines.map(d => (
                  <MenuItem key={d} value={d}>
                    {d}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            <Grid item xs={12} sm={3} md={2}>
              <SearchField
                label="Find a team"
                ariaLabel="Find a team"
                onChange={setSearch}
              />
            </Grid>
            <Grid item>
              <FormControlLabel
                control={
                  <Switch
                    size="small"
                    checked={hideIsolated}
                    onChange={e => setHideIsolated(e.target.checked)}
                  />
                }
                label="Hide teams without lines"
              />
            </Grid>
            <Grid item xs={12}>
              <FormGroup
                row
                aria-label="Team types"
                style={{ alignItems: 'center' }}
              >
                <Typography variant="caption" style={{ marginRight: 12 }}>
                  <b>Team types</b>
                </Typography>
                {presentTypes.map(t => (
                  <FormControlLabel
                    key={t}
                    control={
                      <Checkbox
                        size="small"
                        checked={typeShown(t)}
                        onChange={() => toggleType(t)}
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
            </Grid>
            <Grid item xs={12}>
              <TopologyLegend view={view} />
            </Grid>
            <Grid item xs={12}>
              <Summary topology={topology} />
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
          {isolated.length > 0 && (
            <Box mt={2} data-testid="isolated-teams">
              <Typography variant="body2" gutterBottom>
                {isolated.length} team{isolated.length === 1 ? '' : 's'} without{' '}
                {view} interactions:
              </Typography>
              <Typography variant="body2">
                {isolated.map((n, i) => (
                  <span key={n.id}>
                    {i > 0 && ', '}
                    <EntityLink entityRef={n.ref} title={n.title} />
                  </span>
                ))}
              </Typography>
            </Box>
          )}
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

/**
 * The team topology page: every team by type, declared or observed
 * interactions between them, mismatches, filters, and a click through to each
 * team's page.
 *
 * @public
 */
export function TeamTopologyPage() {
  const api = useApi(ownershipApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getTopology(),
    [api],
  );
  return (
    <Page themeId="tool">
      <Header
        title="Team topology"
        subtitle="How teams work together: declared in spec.topology, observed in the dependencies between their software"
      />
      <Content>
        <ContentHeader title="Team map">
          <SupportButton>
            Team types and interaction modes follow Team Topologies. Declared
            interactions come from each Group's spec.topology.interactions;
            observed ones are dependsOn and consumesApi relations from software
            one team owns to software another team owns. Click a team to open
            its page.
          </SupportButton>
        </ContentHeader>
        {loading && <Progress />}
        {error && <BackendErrorPanel error={error} onRetry={retry} />}
        {value && value.teams.length === 0 && (
          <EmptyState
            missing="data"
            title="No teams yet"
            description="Teams are Groups with spec.type: team or a spec.topology block (type, disciplines, interactions)."
          />
        )}
        {value && value.teams.length > 0 && <TopologyMap topology={value} />}
      </Content>
    </Page>
  );
}
