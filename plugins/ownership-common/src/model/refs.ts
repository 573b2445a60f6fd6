import {
  CompoundEntityRef,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

const validators = makeValidator();

/**
 * Parses a reference written in YAML and checks each part, so that a typo is
 * reported instead of creating a relation to a nonsensical entity.
 *
 * @returns the parsed reference, or a message saying what is wrong
 */
export function parseRef(
  value: unknown,
  context: { defaultKind: string; defaultNamespace: string },
): CompoundEntityRef | string {
  if (typeof value !== 'string' || !value.trim()) {
    return 'must be an entity reference such as group:sre-core';
  }
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(value.trim(), context);
  } catch {
    return `"${value}" is not a valid entity reference`;
  }
  if (
    !validators.isValidKind(ref.kind) ||
    !validators.isValidNamespace(ref.namespace) ||
    !validators.isValidEntityName(ref.name)
  ) {
    return `"${value}" is not a valid entity reference`;
  }
  return ref;
}

/**
 * The full, lower-case form in which the catalog stores references.
 *
 * @public
 */
export function normalizeEntityRef(ref: string | CompoundEntityRef): string {
  return stringifyEntityRef(
    typeof ref === 'string' ? parseEntityRef(ref) : ref,
  );
}
