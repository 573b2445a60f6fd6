import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { sloSamplesCreatePermission } from '@triad/plugin-slo-common';

/** Entities with this label are hidden from users. */
export const HIDDEN_LABEL = 'triad.test/hidden';

/**
 * The policy of the suite's backend, for users (service callers never reach a
 * policy): every catalog entity is readable except those labelled
 * {@link HIDDEN_LABEL}; pushing SLO samples is denied; everything else is
 * allowed.
 */
export const reliabilityPolicy: PermissionPolicy = {
  async handle(
    request: PolicyQuery,
    _user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (request.permission.name === sloSamplesCreatePermission.name) {
      return { result: AuthorizeResult.DENY };
    }
    if (isResourcePermission(request.permission, 'catalog-entity')) {
      return createCatalogConditionalDecision(request.permission, {
        not: catalogConditions.hasLabel({ label: HIDDEN_LABEL }),
      });
    }
    return { result: AuthorizeResult.ALLOW };
  },
};
