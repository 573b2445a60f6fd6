import { OwnershipRole } from './roles';
import {
  OwnershipProblem,
  describe,
  isPlainObject,
  unknownKeys,
} from './problems';
import { Responsibility } from './types';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { parseRef } from './refs';

/**
 * The outcome of reading `spec.responsibilities`: the valid entries, and one
 * problem per invalid field.
 *
 * @public
 */
export interface ParsedResponsibilities {
  responsibilities: Responsibility[];
  problems: OwnershipProblem[];
}

const OWNER_KINDS = ['group', 'user'];

/**
 * Validates `spec.responsibilities` of an entity.
 *
 * @remarks
 * Each entry is `{ role, ref }`: `role` must be a configured role and appear
 * once; `ref` is a Group (default kind) or User, in the entity's namespace
 * unless it says otherwise.
 *
 * @public
 */
export function parseResponsibilities(
  value: unknown,
  options: { roles: readonly OwnershipRole[]; namespace?: string },
): ParsedResponsibilities {
  const path = 'spec.responsibilities';
  const responsibilities: Responsibility[] = [];
  const problems: OwnershipProblem[] = [];
  if (value === undefined || value === null) {
    return { responsibilities, problems };
  }
  if (!Array.isArray(value)) {
    problems.push({
      path,
      message: `must be a list of {role, ref}, got ${describe(value)}`,
    });
    return { responsibilities, problems };
  }
  const roleIds = options.roles.map(r => r.id);
  const seen = new Map<string, number>();
  value.forEach((item, index) => {
    const at = `${path}[${index}]`;
    if (!isPlainObject(item)) {
      problems.push({
        path: at,
        message: `must be an object with role and ref, got ${describe(item)}`,
      });
      return;
    }
    const before = problems.length;
    problems.push(...unknownKeys(item, ['role', 'ref'], at));

    const { role, ref } = item;
    if (role === undefined) {
      problems.push({ path: `${at}.role`, message: 'is required' });
    } else if (typeof role !== 'string' || !roleIds.includes(role)) {
      problems.push({
        path: `${at}.role`,
        message: `${describe(role)} is not a configured role (${roleIds.join(
          ', ',
        )})`,
      });
    } else if (seen.has(role)) {
      problems.push({
        path: `${at}.role`,
        message: `"${role}" is already assigned in ${path}[${seen.get(role)}]`,
      });
    } else {
      seen.set(role, index);
    }

    let target: string | undefined;
    if (ref === undefined) {
      problems.push({ path: `${at}.ref`, message: 'is required' });
    } else {
      const parsed = parseRef(ref, {
        defaultKind: 'group',
        defaultNamespace: options.namespace ?? 'default',
      });
      if (typeof parsed === 'string') {
        problems.push({ path: `${at}.ref`, message: parsed });
      } else if (
        !OWNER_KINDS.includes(parsed.kind.toLocaleLowerCase('en-US'))
      ) {
        problems.push({
          path: `${at}.ref`,
          message: `must refer to a Group or a User, not a ${parsed.kind}`,
        });
      } else {
        target = stringifyEntityRef(parsed);
      }
    }

    if (problems.length === before && target) {
      responsibilities.push({ role: role as string, ref: target });
    }
  });
  return { responsibilities, problems };
}
