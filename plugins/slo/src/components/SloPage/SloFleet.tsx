import { Progress } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { FleetRollUp } from '@triad/plugin-slo-common';
import { BackendErrorPanel, CatalogStaleNotice } from '@triad/frontend-utils';
import { useCallback, useMemo, useState } from 'react';
import { RollUpTable } from '../RollUpTable';
import { SloTable } from '../SloTable';
import { fleetFilter, NO_FILTER, SloFilter } from './fleetFilter';
import { SloFilters } from './SloFilters';
import { FLEET_PAGE_SIZE, useFleet } from './useFleet';

/** The groups of roll-up rows (`(none)` is not an entity to filter by). */
const keysOf = (rows: FleetRollUp[] = []) =>
  rows.map(r => r.key).filter(k => k !== '(none)');

/**
 * The fleet's filters, one page of its SLOs and the roll-ups by team and by
 * system. The backend filters, orders, counts and pages; the page asks for
 * what it shows, so no SLO is left out however large the fleet.
 */
export function SloFleet() {
  const [filter, setFilter] = useState(NO_FILTER);
  const [page, setPage] = useState(0);
  const onChange = useCallback((change: Partial<SloFilter>) => {
    setFilter(f => ({ ...f, ...change }));
    setPage(0);
  }, []);
  const query = useMemo(() => fleetFilter(filter), [filter]);
  const { list, rollUps, options } = useFleet(query, page);
  if (list.error) {
    return <BackendErrorPanel error={list.error} onRetry={list.retry} />;
  }
  const value = list.value;
  const [byOwner, bySystem] = rollUps.value ?? [];
  return (
    <Grid container spacing={2}>
      {value?.catalogStale && (
        <Grid item xs={12}>
          <CatalogStaleNotice stale={value.catalogStale} />
        </Grid>
      )}
      <Grid item xs={12}>
        <SloFilters
          teams={keysOf(options.value?.[0].rows).sort()}
          systems={keysOf(options.value?.[1].rows).sort()}
          filter={filter}
          onChange={onChange}
        />
      </Grid>
      <Grid item xs={12}>
        {!value ? (
          <Progress />
        ) : (
          <SloTable
            title={`SLOs (${value.totalItems}${
              value.totalItems === 0 && !query.team && !query.text
                ? ' — none evaluated yet; the scheduled evaluation runs every few minutes'
                : ''
            })`}
            slos={value.items}
            pageSize={FLEET_PAGE_SIZE}
            serverPage={{
              totalItems: value.totalItems,
              page,
              onPageChange: setPage,
            }}
          />
        )}
      </Grid>
      {rollUps.error && (
        <Grid item xs={12}>
          <BackendErrorPanel error={rollUps.error} />
        </Grid>
      )}
      {byOwner && bySystem && (
        <>
          <Grid item xs={12}>
            <RollUpTable title="By team" label="Team" rows={byOwner.rows} />
          </Grid>
          <Grid item xs={12}>
            <RollUpTable
              title="By system"
              label="System"
              rows={bySystem.rows}
            />
          </Grid>
        </>
      )}
    </Grid>
  );
}
