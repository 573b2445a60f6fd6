import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * An entity reference as an assistant writes it ("payments-gateway",
 * "component:payments-gateway", "component:default/payments-gateway"), made
 * complete; an InputError naming the field otherwise.
 */
export function entityRefInput(
  value: string,
  field: string,
  defaultKind: string,
): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind,
        defaultNamespace: 'default',
      }),
    );
  } catch {
    throw new InputError(
      `${field}: "${value}" is not an entity reference such as ${defaultKind}:default/name`,
    );
  }
}
