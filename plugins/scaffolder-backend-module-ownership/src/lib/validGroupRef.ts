import { makeValidator, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const validator = makeValidator();

/**
 * The reference of the group to write, once its name and namespace are known
 * to be valid.
 */
export function validGroupRef(name: string, namespace: string): string {
  if (!validator.isValidEntityName(name)) {
    throw new InputError(
      `name: "${name}" is not a valid entity name (letters, digits, - _ and ., at most 63 characters)`,
    );
  }
  if (!validator.isValidNamespace(namespace)) {
    throw new InputError(`namespace: "${namespace}" is not a valid namespace`);
  }
  return stringifyEntityRef({ kind: 'group', namespace, name });
}
