import {
  CompoundEntityRef,
  makeValidator,
  parseEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const validators = makeValidator();

/**
 * An entity reference as a person or an assistant writes it
 * ("payments-gateway", "component:payments-gateway",
 * "Component:default/payments-gateway"), completed with the default kind and
 * namespace and with the kind in lower case; an InputError naming the field
 * when it cannot name an entity.
 *
 * @public
 */
export function entityRefInput(
  value: string,
  field: string,
  defaultKind: string,
): CompoundEntityRef {
  let ref: CompoundEntityRef | undefined;
  try {
    ref = parseEntityRef(value.trim(), {
      defaultKind,
      defaultNamespace: 'default',
    });
  } catch {
    // reported below
  }
  // parseEntityRef accepts names no entity can have, such as "a/b".
  if (
    !ref ||
    !validators.isValidKind(ref.kind) ||
    !validators.isValidNamespace(ref.namespace) ||
    !validators.isValidEntityName(ref.name)
  ) {
    throw new InputError(
      `${field}: "${value}" is not an entity reference such as ${defaultKind}:default/name`,
    );
  }
  return { ...ref, kind: ref.kind.toLocaleLowerCase('en-US') };
}
