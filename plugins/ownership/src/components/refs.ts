import { parseEntityRef } from '@backstage/catalog-model';

/**
 * An entity reference as people write it: `system:payments-core`, with the
 * namespace only when it is not `default`.
 */
export function shortRef(ref: string): string {
  try {
    const { kind, namespace, name } = parseEntityRef(ref);
    const k = kind.toLocaleLowerCase('en-US');
    return namespace === 'default'
      ? `${k}:${name}`
      : `${k}:${namespace}/${name}`;
  } catch {
    return ref;
  }
}
