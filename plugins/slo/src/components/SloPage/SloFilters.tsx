import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import { SloStatus } from '@triad/plugin-slo-common';
import { FilterSelect, SearchField } from '@triad/frontend-utils';
import { SloFilter } from './fleetFilter';

const STATUSES: SloStatus[] = ['breached', 'warning', 'healthy', 'no-data'];

const label = (ref: string) =>
  humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'group' });

/** The fleet page's filters: team, system, status and a search. */
export function SloFilters(props: {
  /** The teams and systems to offer: every owner and system in the fleet. */
  teams: readonly string[];
  systems: readonly string[];
  filter: SloFilter;
  onChange: (change: Partial<SloFilter>) => void;
}) {
  const { teams, systems, filter, onChange } = props;
  const selects = [
    {
      field: 'team',
      label: 'Team',
      options: teams,
      format: label,
    },
    {
      field: 'system',
      label: 'System',
      options: systems,
      format: label,
    },
    { field: 'status', label: 'Status', options: STATUSES },
  ] as const;
  return (
    // On a card, so the filter labels keep their contrast.
    <Paper style={{ padding: 16 }}>
      <Grid container spacing={2}>
        {selects.map(({ field, ...select }) => (
          <Grid item xs={12} sm={3} key={field}>
            <FilterSelect
              {...select}
              value={filter[field]}
              onChange={value => onChange({ [field]: value })}
            />
          </Grid>
        ))}
        <Grid item xs={12} sm={3}>
          <SearchField
            label="Search"
            ariaLabel="Search SLOs"
            onChange={text => onChange({ text })}
          />
        </Grid>
      </Grid>
    </Paper>
  );
}
