import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { entityRefInput } from '@triad/backend-utils';

/**
 * The full reference of an event's entity (kind defaults to component,
 * namespace to default); an InputError naming `entityRef` otherwise.
 */
export function parseEventEntityRef(value: unknown): string {
  if (typeof value !== 'string' || !value) {
    throw new InputError('entityRef: required, an entity reference');
  }
  return stringifyEntityRef(entityRefInput(value, 'entityRef', 'component'));
}
