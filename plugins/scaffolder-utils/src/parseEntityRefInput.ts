import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * Parses an entity reference given in an action's input; the kind defaults to
 * `component`. A malformed one is refused with an InputError that names the
 * input field.
 */
export function parseEntityRefInput(
  value: string,
  field: string,
): CompoundEntityRef {
  try {
    return parseEntityRef(value, { defaultKind: 'component' });
  } catch {
    throw new InputError(
      `${field}: "${value}" is not an entity reference such as component:default/checkout-service`,
    );
  }
}
