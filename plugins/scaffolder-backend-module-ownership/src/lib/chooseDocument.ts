import { InputError } from '@backstage/errors';
import { RESPONSIBILITY_KINDS } from '@triad/plugin-ownership-common';
import { parseEntityRefInput } from '@triad/scaffolder-utils';
import { Document } from 'yaml';

/** The entity a catalog file holds, as the edit found it. */
export interface EditedEntity {
  kind: string;
  namespace: string;
  name: string;
  owner?: unknown;
  responsibilities?: unknown;
}

const KINDS = RESPONSIBILITY_KINDS.map(k => k.toLocaleLowerCase('en-US'));

function entityOf(doc: Document.Parsed): EditedEntity | undefined {
  const value = doc.toJS() as Record<string, any> | null;
  if (!value || typeof value !== 'object') return undefined;
  if (
    typeof value.kind !== 'string' ||
    typeof value.metadata?.name !== 'string'
  )
    return undefined;
  return {
    kind: value.kind,
    namespace: value.metadata.namespace ?? 'default',
    name: value.metadata.name,
    owner: value.spec?.owner,
    responsibilities: value.spec?.responsibilities,
  };
}

/** The entity's reference as messages name it: `component:default/name`. */
export const refOf = (e: EditedEntity) =>
  `${e.kind.toLocaleLowerCase('en-US')}:${e.namespace}/${e.name}`;

/**
 * Picks the entity to edit among a catalog file's documents: the one named by
 * `entityRef`, or the only one of a kind that takes responsibilities.
 */
export function chooseDocument(
  docs: Document.Parsed[],
  entityRef: string | undefined,
  file: string,
): { doc: Document.Parsed; entity: EditedEntity } {
  const candidates = docs
    .map(doc => ({ doc, entity: entityOf(doc) }))
    .filter(
      (c): c is { doc: Document.Parsed; entity: EditedEntity } =>
        !!c.entity && KINDS.includes(c.entity.kind.toLocaleLowerCase('en-US')),
    );
  if (entityRef) {
    const ref = parseEntityRefInput(entityRef, 'entityRef');
    const wanted = `${ref.kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase(
      'en-US',
    );
    const found = candidates.find(
      c => refOf(c.entity).toLocaleLowerCase('en-US') === wanted,
    );
    if (!found) {
      throw new InputError(
        `entityRef: ${file} holds no ${wanted} (it holds ${
          candidates.map(c => refOf(c.entity)).join(', ') ||
          'no entity that takes responsibilities'
        })`,
      );
    }
    return found;
  }
  if (candidates.length !== 1) {
    throw new InputError(
      candidates.length
        ? `entityRef: ${file} holds ${
            candidates.length
          } entities that take responsibilities (${candidates
            .map(c => refOf(c.entity))
            .join(', ')}); say which one`
        : `path: ${file} holds no ${RESPONSIBILITY_KINDS.join(', ')} entity`,
    );
  }
  return candidates[0];
}
