import {
  OwnershipProblem,
  describe,
  isPlainObject,
  unknownKeys,
} from './problems';
import { InputError } from '@backstage/errors';

/**
 * A discipline that can be held for an entity, e.g. `sre`.
 *
 * @public
 */
export interface OwnershipRole {
  /** Used in YAML and in relation names (`sreOwnedBy`). */
  id: string;
  title: string;
  description?: string;
}

/**
 * The role whose owner defaults to `spec.owner` when nothing else assigns it.
 *
 * @public
 */
export const DEVOPS_ROLE = 'devops';

/**
 * The role that can be derived from the platform-team-owned resources an
 * entity depends on.
 *
 * @public
 */
export const PLATFORM_ROLE = 'platform';

/**
 * The roles used when `ownership.roles` is not configured.
 *
 * @public
 */
export const DEFAULT_OWNERSHIP_ROLES: readonly OwnershipRole[] = [
  {
    id: DEVOPS_ROLE,
    title: 'DevOps',
    description:
      'Builds, ships and runs the entity day to day; defaults to spec.owner.',
  },
  {
    id: 'sre',
    title: 'SRE',
    description: 'Answers for reliability: SLOs, error budgets and incidents.',
  },
  {
    id: PLATFORM_ROLE,
    title: 'Platform',
    description: 'Runs the platform the entity is built and runs on.',
  },
];

// Role ids become part of relation names (`<id>OwnedBy`), so keep them to
// identifier characters.
const ROLE_ID = /^[a-z][a-zA-Z0-9]*$/;

/**
 * Reads the raw value of the `ownership.roles` configuration key.
 *
 * @remarks
 * Returns the defaults when the value is undefined; throws an `InputError`
 * naming every bad field otherwise.
 *
 * @public
 */
export function parseOwnershipRoles(value: unknown): OwnershipRole[] {
  if (value === undefined) return DEFAULT_OWNERSHIP_ROLES.map(r => ({ ...r }));
  const problems: OwnershipProblem[] = [];
  const roles: OwnershipRole[] = [];
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({
      path: 'ownership.roles',
      message: `must be a non-empty list of {id, title, description}, got ${describe(
        value,
      )}`,
    });
  } else {
    value.forEach((item, index) => {
      const path = `ownership.roles[${index}]`;
      if (!isPlainObject(item)) {
        problems.push({ path, message: 'must be an object with id and title' });
        return;
      }
      problems.push(...unknownKeys(item, ['id', 'title', 'description'], path));
      const { id, title, description } = item;
      if (typeof id !== 'string' || !ROLE_ID.test(id)) {
        problems.push({
          path: `${path}.id`,
          message: `must be a word of letters and digits starting with a lower-case letter, got ${describe(
            id,
          )}`,
        });
        return;
      }
      if (roles.some(r => r.id === id)) {
        problems.push({
          path: `${path}.id`,
          message: `"${id}" is listed twice`,
        });
        return;
      }
      if (title !== undefined && typeof title !== 'string') {
        problems.push({ path: `${path}.title`, message: 'must be a string' });
        return;
      }
      if (description !== undefined && typeof description !== 'string') {
        problems.push({
          path: `${path}.description`,
          message: 'must be a string',
        });
        return;
      }
      roles.push({
        id,
        title: title ?? id,
        ...(description !== undefined && { description }),
      });
    });
  }
  if (problems.length) {
    throw new InputError(
      `Invalid ownership configuration: ${problems
        .map(p => `${p.path}: ${p.message}`)
        .join('; ')}`,
    );
  }
  return roles;
}
