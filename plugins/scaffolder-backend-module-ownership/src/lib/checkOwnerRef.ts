import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** Checks that a new `spec.owner` refers to a Group or a User. */
export function checkOwnerRef(owner: string, namespace: string): void {
  let kind: string;
  try {
    kind = parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: namespace,
    }).kind.toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(
      `owner: "${owner}" is not an entity reference such as group:checkout-team`,
    );
  }
  if (kind !== 'group' && kind !== 'user') {
    throw new InputError(
      `owner: must refer to a Group or a User, not a ${kind}`,
    );
  }
}
