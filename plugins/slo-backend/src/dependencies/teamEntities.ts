import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OwnershipApi } from '@triad/plugin-ownership-common';
import { ownershipToken } from '../ownership/ownershipToken';

/**
 * The refs of the entities a group holds a role for, as the ownership
 * backend resolves them; none when that backend is absent or fails.
 */
async function heldRefs(
  deps: { ownership: OwnershipApi; auth: AuthService; logger: LoggerService },
  groupRef: string,
): Promise<string[]> {
  try {
    const { token } = await ownershipToken(deps.auth);
    const { roles } = await deps.ownership.getGroupResponsibilities(
      groupRef,
      { includeSubTeams: false },
      { token },
    );
    return roles.flatMap(r => r.items.map(i => i.entity.ref));
  } catch (error) {
    deps.logger.debug(`No responsibilities of ${groupRef}: ${error}`);
    return [];
  }
}

/**
 * The entities a team answers for: those it owns (`ownedBy`) and those it
 * holds a responsibility for, read with the caller's credentials (the
 * ownership backend only names them), by ref.
 */
export async function teamEntities(
  deps: {
    catalog: CatalogService;
    ownership: OwnershipApi;
    auth: AuthService;
    logger: LoggerService;
  },
  groupRef: string,
  credentials: BackstageCredentials,
): Promise<Map<string, Entity>> {
  const [owned, held] = await Promise.all([
    deps.catalog.getEntities(
      { filter: { [`relations.${RELATION_OWNED_BY}`]: groupRef } },
      { credentials },
    ),
    heldRefs(deps, groupRef),
  ]);
  const entities = new Map(
    owned.items.map(e => [stringifyEntityRef(e), e] as const),
  );
  const missing = [...new Set(held)].filter(ref => !entities.has(ref));
  if (missing.length) {
    const { items } = await deps.catalog.getEntitiesByRefs(
      { entityRefs: missing },
      { credentials },
    );
    for (const e of items) if (e) entities.set(stringifyEntityRef(e), e);
  }
  return entities;
}
