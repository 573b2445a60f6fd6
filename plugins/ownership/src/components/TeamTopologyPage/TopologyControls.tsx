import Grid from '@material-ui/core/Grid';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { FilterSelect, SearchField } from '@triad/frontend-utils';
import { LabelledSwitch } from '../LabelledSwitch';
import { TeamTypeFilter } from './TeamTypeFilter';
import { TopologyFilterState } from './useTopologyFilter';

/**
 * What the team map shows: declared or observed interactions, a discipline,
 * a search, whether teams without lines are drawn, and the team types.
 */
export function TopologyControls(props: {
  filter: TopologyFilterState;
  disciplines: readonly string[];
  /** Whether teams without lines are hidden now (chosen, or by map size). */
  hideIsolated: boolean;
}) {
  const { filter, disciplines, hideIsolated } = props;
  return (
    <>
      <Grid item>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={filter.view}
          onChange={(_, v) => v && filter.setView(v)}
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
        <FilterSelect
          label="Discipline"
          value={filter.discipline}
          options={disciplines}
          onChange={filter.setDiscipline}
        />
      </Grid>
      <Grid item xs={12} sm={3} md={2}>
        <SearchField
          label="Find a team"
          ariaLabel="Find a team"
          onChange={filter.setSearch}
        />
      </Grid>
      <Grid item>
        <LabelledSwitch
          checked={hideIsolated}
          onChange={filter.setHideIsolated}
          label="Hide teams without lines"
        />
      </Grid>
      <Grid item xs={12}>
        <TeamTypeFilter
          types={filter.presentTypes}
          shown={filter.typeShown}
          onToggle={filter.toggleType}
        />
      </Grid>
    </>
  );
}
