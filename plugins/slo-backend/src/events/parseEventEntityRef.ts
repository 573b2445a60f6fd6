import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const validators = makeValidator();

/**
 * The full reference of an event's entity (kind defaults to component,
 * namespace to default); an InputError naming `entityRef` otherwise.
 */
export function parseEventEntityRef(value: unknown): string {
  if (typeof value !== 'string' || !value) {
    throw new InputError('entityRef: required, an entity reference');
  }
  const invalid = new InputError(
    `entityRef: "${value}" is not an entity reference such as component:default/name`,
  );
  let ref;
  try {
    ref = parseEntityRef(value, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch {
    throw invalid;
  }
  if (
    !validators.isValidKind(ref.kind) ||
    !validators.isValidNamespace(ref.namespace) ||
    !validators.isValidEntityName(ref.name)
  ) {
    throw invalid;
  }
  return stringifyEntityRef(ref);
}
