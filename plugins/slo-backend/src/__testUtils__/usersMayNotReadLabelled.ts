import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { hideLabelledEntities } from '@triad/test-utils';

/**
 * A permissions mock for backends over a real catalog: everything is
 * allowed, except that users may not read catalog entities carrying the
 * hidden label (services, the plugins among them, may).
 */
export function usersMayNotReadLabelled() {
  return mockServices.permissions.mock({
    async authorize(requests) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    },
    async authorizeConditional(requests, options) {
      const isUser =
        (options.credentials.principal as { type?: string }).type === 'user';
      return requests.map(() =>
        isUser ? hideLabelledEntities() : { result: AuthorizeResult.ALLOW },
      ) as any;
    },
  });
}
