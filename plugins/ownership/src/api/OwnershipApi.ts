import { createApiRef } from '@backstage/core-plugin-api';
import { OwnershipApi as OwnershipClientApi } from '@triad/plugin-ownership-common';

/**
 * What the ownership views need from the ownership backend; `OwnershipClient`
 * from `@triad/plugin-ownership-common` implements it.
 *
 * @public
 */
export type OwnershipApi = Pick<
  OwnershipClientApi,
  | 'getEntityOwnership'
  | 'getGroupResponsibilities'
  | 'lookup'
  | 'getCoverage'
  | 'getTopology'
>;

/** @public */
export const ownershipApiRef = createApiRef<OwnershipApi>({
  id: 'plugin.ownership.service',
});
