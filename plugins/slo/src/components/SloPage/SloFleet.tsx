import Grid from '@material-ui/core/Grid';
import { SloListResponse } from '@triad/plugin-slo-common';
import { CatalogStaleNotice } from '@triad/frontend-utils';
import { useCallback, useMemo, useState } from 'react';
import { RollUpTable } from '../RollUpTable';
import { rollUp } from '../rollUp';
import { SloTable } from '../SloTable';
import { filterSlos, SloFilter } from './filterSlos';
import { SloFilters } from './SloFilters';

const NO_FILTER: SloFilter = { team: '', system: '', status: '', text: '' };

/** The fleet's filters, its SLOs and their roll-ups by team and by system. */
export function SloFleet(props: { list: SloListResponse }) {
  const { list } = props;
  const [filter, setFilter] = useState(NO_FILTER);
  const onChange = useCallback(
    (change: Partial<SloFilter>) => setFilter(f => ({ ...f, ...change })),
    [],
  );
  const all = list.items;
  const filtered = useMemo(() => filterSlos(all, filter), [all, filter]);
  return (
    <Grid container spacing={2}>
      {list.catalogStale && (
        <Grid item xs={12}>
          <CatalogStaleNotice stale={list.catalogStale} />
        </Grid>
      )}
      <Grid item xs={12}>
        <SloFilters slos={all} filter={filter} onChange={onChange} />
      </Grid>
      <Grid item xs={12}>
        <SloTable
          title={`SLOs (${filtered.length}${
            all.length === 0
              ? ' — none evaluated yet; the scheduled evaluation runs every few minutes'
              : ''
          })`}
          slos={filtered}
        />
      </Grid>
      <Grid item xs={12}>
        <RollUpTable
          title="By team"
          label="Team"
          rows={rollUp(filtered, s => s.ownerRef)}
        />
      </Grid>
      <Grid item xs={12}>
        <RollUpTable
          title="By system"
          label="System"
          rows={rollUp(filtered, s => s.systemRef)}
        />
      </Grid>
    </Grid>
  );
}
