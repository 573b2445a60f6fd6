import { useApi } from '@backstage/core-plugin-api';
import { SloFleetFilter } from '@triad/plugin-slo-common';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sloApiRef } from '../../api/SloApi';

/** SLOs a page of the fleet table shows. */
export const FLEET_PAGE_SIZE = 20;

/**
 * What the fleet page shows for a filter and page, each asked of the backend:
 * the page of SLOs, the roll-ups by owner and system of everything the filter
 * matches, and every owner and system of the fleet for the filter menus (the
 * unfiltered roll-ups, asked once).
 */
export function useFleet(query: SloFleetFilter, page: number) {
  const api = useApi(sloApiRef);
  const list = useAsyncRetry(
    () =>
      api.listSlos({
        ...query,
        offset: page * FLEET_PAGE_SIZE,
        limit: FLEET_PAGE_SIZE,
      }),
    [api, query, page],
  );
  const byOwnerAndSystem = (filter?: SloFleetFilter) =>
    Promise.all([
      api.getRollUps('owner', filter),
      api.getRollUps('system', filter),
    ]);
  // Unfiltered, they also give the menus every team and system.
  const options = useAsync(() => byOwnerAndSystem(), [api]);
  const filtered = !Object.values(query).every(v => v === undefined);
  const filteredRollUps = useAsync(
    async () => (filtered ? byOwnerAndSystem(query) : undefined),
    [api, query, filtered],
  );
  const rollUps = filtered ? filteredRollUps : options;
  return { list, rollUps, options };
}
