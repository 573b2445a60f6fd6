/**
 * Relation from an entity to the group holding a role for it, e.g. `sreOwnedBy`.
 *
 * @public
 */
export function roleOwnedByRelation(roleId: string): string {
  return `${roleId}OwnedBy`;
}

/**
 * Relation from a group to an entity it holds a role for, e.g. `sreOwnerOf`.
 *
 * @public
 */
export function roleOwnerOfRelation(roleId: string): string {
  return `${roleId}OwnerOf`;
}

/**
 * Two teams work closely together; emitted in both directions.
 *
 * @public
 */
export const RELATION_COLLABORATES_WITH = 'collaboratesWith';

/**
 * A team provides something as a service to another team.
 *
 * @public
 */
export const RELATION_PROVIDES_SERVICE_TO = 'providesServiceTo';

/**
 * The reverse of {@link RELATION_PROVIDES_SERVICE_TO}.
 *
 * @public
 */
export const RELATION_CONSUMES_SERVICE_OF = 'consumesServiceOf';

/**
 * An enabling team helps another team learn a practice.
 *
 * @public
 */
export const RELATION_FACILITATES = 'facilitates';

/**
 * The reverse of {@link RELATION_FACILITATES}.
 *
 * @public
 */
export const RELATION_FACILITATED_BY = 'facilitatedBy';
