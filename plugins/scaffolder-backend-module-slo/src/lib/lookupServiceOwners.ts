import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import { ResponseError, ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityOwnershipResponse,
  OwnershipClient,
} from '@triad/plugin-ownership-common';
import { ServiceOwners } from '@triad/plugin-slo-common';

/** What the action needs to ask who answers for a service. */
export interface OwnerLookupDeps {
  catalog: CatalogService;
  discovery: DiscoveryService;
  auth: AuthService;
  /** For tests; the global fetch by default. */
  fetch?: typeof fetch;
}

/**
 * Each service's owner (the catalog's `ownedBy` relation) and SRE role holder
 * (the ownership backend's resolution), as the user running the template may
 * see them. What is unknown is a warning; its alerts go without that label.
 */
export async function lookupServiceOwners(
  deps: OwnerLookupDeps,
  serviceRefs: Iterable<string>,
  sreRole: string,
  credentials: BackstageCredentials,
): Promise<{ owners: Map<string, ServiceOwners>; warnings: string[] }> {
  const ownership = new OwnershipClient({
    discoveryApi: deps.discovery,
    ...(deps.fetch && { fetchApi: { fetch: deps.fetch } }),
  });
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf: credentials,
    targetPluginId: 'ownership',
  });
  const owners = new Map<string, ServiceOwners>();
  const warnings: string[] = [];
  for (const ref of [...new Set(serviceRefs)].sort()) {
    const found: ServiceOwners = {};
    owners.set(ref, found);
    const entity = await deps.catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      warnings.push(`${ref}: not in the catalog, or you may not see it`);
      continue;
    }
    found.owner = entity.relations?.find(
      r => r.type === RELATION_OWNED_BY,
    )?.targetRef;
    if (!found.owner) warnings.push(`${ref}: has no owner`);

    let roles: EntityOwnershipResponse | undefined;
    try {
      roles = await ownership.getEntityOwnership(ref, { token });
    } catch (e) {
      if (!(e instanceof ResponseError && e.statusCode === 404)) {
        throw new ServiceUnavailableError(
          `The ownership backend did not tell the owners of ${ref}: ${
            (e as Error).message
          }`,
        );
      }
    }
    const role = roles?.roles.find(r => r.role === sreRole);
    if (role?.status === 'covered') found.sre = role.owner.ref;
    else {
      warnings.push(
        `${ref}: no ${sreRole} role holder (${role?.status ?? 'unknown'})`,
      );
    }
  }
  return { owners, warnings };
}
