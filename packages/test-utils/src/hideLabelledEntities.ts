import {
  AuthorizeResult,
  ConditionalPolicyDecision,
} from '@backstage/plugin-permission-common';

/** The label the tests' permission mocks hide entities by. */
export const HIDDEN_LABEL = 'triad.test/hidden';

/**
 * The conditional decision a permission mock returns for `catalog.entity.read`
 * so that the catalog itself filters out every entity carrying `label`.
 */
export function hideLabelledEntities(
  label: string = HIDDEN_LABEL,
): ConditionalPolicyDecision {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'catalog',
    resourceType: 'catalog-entity',
    conditions: {
      not: {
        rule: 'HAS_LABEL',
        resourceType: 'catalog-entity',
        params: { label },
      },
    },
  };
}
