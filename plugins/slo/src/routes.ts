import { createRouteRef } from '@backstage/core-plugin-api';

/** The fleet page. */
export const rootRouteRef = createRouteRef({ id: 'slo' });
