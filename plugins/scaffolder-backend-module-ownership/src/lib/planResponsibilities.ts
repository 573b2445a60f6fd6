import { InputError } from '@backstage/errors';
import {
  OwnershipRole,
  formatOwnershipProblem,
  parseResponsibilities,
} from '@triad/plugin-ownership-common';
import { checkOwnerRef } from './checkOwnerRef';
import {
  ResponsibilityEntry,
  editResponsibilities,
} from './editResponsibilities';
import { mergeResponsibilities } from './mergeResponsibilities';

/**
 * The responsibilities to write, undefined to leave them alone. Finds the
 * entity first with a dry edit, so that the owner is read in its namespace
 * and a merge sees what the file holds; merged lists are checked whole.
 */
export function planResponsibilities(
  text: string,
  request: {
    entityRef?: string;
    owner?: string;
    /** Undefined when the input gave no responsibilities. */
    given?: ResponsibilityEntry[];
    merge?: boolean;
  },
  options: { roles: readonly OwnershipRole[]; file: string },
): ResponsibilityEntry[] | undefined {
  const probe = editResponsibilities(
    text,
    {},
    { entityRef: request.entityRef, file: options.file },
  ).entity;
  if (request.owner !== undefined)
    checkOwnerRef(request.owner, probe.namespace);
  if (request.given === undefined) return undefined;
  if (!request.merge) return request.given;

  const merged = mergeResponsibilities(probe.responsibilities, request.given);
  const { problems } = parseResponsibilities(merged, {
    roles: options.roles,
    namespace: probe.namespace,
  });
  if (problems.length) {
    throw new InputError(
      `${options.file} already has invalid responsibilities: ${problems
        .map(formatOwnershipProblem)
        .join('; ')}`,
    );
  }
  return merged;
}
