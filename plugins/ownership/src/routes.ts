import { createRouteRef } from '@backstage/core-plugin-api';

/** The ownership page: lookup and coverage. */
export const rootRouteRef = createRouteRef({ id: 'ownership' });

/** The team topology page. */
export const topologyRouteRef = createRouteRef({ id: 'ownership-topology' });
