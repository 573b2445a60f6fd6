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
 * matches, and every owner and system of the fleet for the filter menus.
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
  const rollUps = useAsync(
    () =>
      Promise.all([
        api.getRollUps('owner', query),
        api.getRollUps('system', query),
      ]),
    [api, query],
  );
  const options = useAsync(
    () => Promise.all([api.getRollUps('owner'), api.getRollUps('system')]),
    [api],
  );
  return { list, rollUps, options };
}
