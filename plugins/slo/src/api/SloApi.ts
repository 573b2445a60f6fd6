import { createApiRef } from '@backstage/core-plugin-api';
import { SloClient } from '@triad/plugin-slo-common';

/**
 * What the SLO views need from the SLO backend; `SloClient` from
 * `@triad/plugin-slo-common` implements it.
 *
 * @public
 */
export type SloApi = Pick<
  SloClient,
  | 'getEntitySlos'
  | 'listSlos'
  | 'getRollUps'
  | 'getSlo'
  | 'getCompositeSlo'
  | 'getSloHistory'
  | 'getSloTimeline'
  | 'getPolicy'
  | 'getDependencyCeiling'
  | 'getBurnAttribution'
  | 'getBurnDependents'
  | 'listEvents'
>;

/** @public */
export const sloApiRef = createApiRef<SloApi>({ id: 'plugin.slo.service' });
