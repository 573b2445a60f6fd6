import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { OwnershipApi } from '@triad/plugin-ownership-common';
import { DependencyHolder } from '@triad/plugin-slo-common';
import { coveredRoles } from '../ownership/coveredRoles';
import { ownershipToken } from '../ownership/ownershipToken';

/** The roles whose holders are named beside a dependency. */
export const HOLDER_ROLES = ['sre', 'platform'];

/**
 * The holders of the SRE and platform roles of each entity, as the ownership
 * backend resolves them (inherited, derived, default). When that backend is
 * absent or fails, an entity has no entry: the ceiling is answered without.
 */
export async function dependencyHolders(
  deps: { ownership: OwnershipApi; auth: AuthService; logger: LoggerService },
  refs: string[],
): Promise<Map<string, DependencyHolder[]>> {
  const holders = new Map<string, DependencyHolder[]>();
  if (!refs.length) return holders;
  let token: string;
  try {
    ({ token } = await ownershipToken(deps.auth));
  } catch (error) {
    deps.logger.warn(`No token for the ownership backend: ${error}`);
    return holders;
  }
  await Promise.all(
    refs.map(async ref => {
      try {
        const roles = await coveredRoles(
          deps.ownership,
          ref,
          HOLDER_ROLES,
          token,
        );
        holders.set(
          ref,
          roles.map(r => ({ role: r.role, ref: r.owner.ref })),
        );
      } catch (error) {
        deps.logger.debug(`No holders of ${ref}: ${error}`);
      }
    }),
  );
  return holders;
}
