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

/** @public */
export const sloPermissions = [sloSamplesCreatePermission];
