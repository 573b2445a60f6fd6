import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Push samples to the built-in SLI store (`POST /api/slo/v1/samples`).
 * Service-to-service callers are allowed without it.
 *
 * @public
 */
export const sloSamplesCreatePermission = createPermission({
  name: 'slo.samples.create',
  attributes: { action: 'create' },
});

/**
 * Record deploy, incident and maintenance events (`POST /api/slo/v1/events`).
 * Service-to-service callers are allowed without it, as for samples.
 *
 * @public
 */
export const sloEventsCreatePermission = createPermission({
  name: 'slo.events.create',
  attributes: { action: 'create' },
});

/** @public */
export const sloPermissions = [
  sloSamplesCreatePermission,
  sloEventsCreatePermission,
];
