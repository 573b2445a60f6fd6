import { LoggerService } from '@backstage/backend-plugin-api';
import {
  OwnershipRole,
  parseResponsibilities,
} from '@triad/plugin-ownership-common';
import { ResponsibilityEntry } from './editResponsibilities';
import { ownershipInputError } from './ownershipInputError';

/**
 * The responsibilities an action was given, checked with the paths the
 * template author recognises. Entries without a ref are left out, so that
 * optional form fields can be passed through.
 */
export function givenResponsibilities(
  entries: readonly { role: string; ref?: string }[],
  roles: readonly OwnershipRole[],
  logger: LoggerService,
): ResponsibilityEntry[] {
  const given: ResponsibilityEntry[] = [];
  for (const { role, ref } of entries) {
    if (typeof ref === 'string' && ref.trim())
      given.push({ role, ref: ref.trim() });
    else logger.info(`Leaving out role ${role}: no ref given`);
  }
  const { problems } = parseResponsibilities(given, { roles });
  if (problems.length) {
    throw ownershipInputError('responsibilities', problems);
  }
  return given;
}
