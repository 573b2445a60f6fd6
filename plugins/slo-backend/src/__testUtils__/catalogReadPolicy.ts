import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { hideLabelledEntities } from '@triad/test-utils';

/**
 * A permission policy for the fleet's two paths: `catalog.entity.read`
 * allowed outright (`everything`), or only conditionally (labelled entities
 * hidden), so that the catalog must say what the caller may read.
 */
export function catalogReadPolicy(everything: boolean) {
  return mockServices.permissions.mock({
    authorizeConditional: async () => [
      everything ? { result: AuthorizeResult.ALLOW } : hideLabelledEntities(),
    ],
  });
}
