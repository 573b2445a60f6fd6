import { CatalogClient } from '@backstage/catalog-client';
import {
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  EntityOwnershipResponse,
  OwnershipClient,
  RoleOwnership,
} from '@triad/plugin-ownership-common';
import { ServiceOwners } from '@triad/plugin-slo-common';
import { CliError } from './exitCodes';
import { responseFailure } from './responseFailure';

/** What the backend said about the owners of the services. */
export interface OwnerLookup {
  owners: Map<string, ServiceOwners>;
  /** Services whose owner or SRE holder is unknown, one line each. */
  warnings: string[];
}

/**
 * Asks the backend who answers for each service: its owner from the catalog
 * (`spec.owner`, as the `ownedBy` relation) and the holder of the SRE role
 * from the ownership backend, which resolves it with inheritance and
 * defaults. A service either does not know is a warning, not a failure: its
 * alerts go without that label and reach Alertmanager's default route.
 */
export async function lookupOwners(options: {
  baseUrl: string;
  token: string;
  serviceRefs: Iterable<string>;
  sreRole: string;
  fetch?: typeof fetch;
}): Promise<OwnerLookup> {
  const discoveryApi = {
    getBaseUrl: async (pluginId: string) =>
      `${options.baseUrl}/api/${pluginId}`,
  };
  const fetchApi = options.fetch && { fetch: options.fetch };
  const catalog = new CatalogClient({ discoveryApi, fetchApi });
  const ownership = new OwnershipClient({ discoveryApi, fetchApi });
  const request = { token: options.token };
  const owners = new Map<string, ServiceOwners>();
  const warnings: string[] = [];

  for (const ref of [...new Set(options.serviceRefs)].sort()) {
    const found: ServiceOwners = {};
    const entity = await ask('catalog', () =>
      catalog.getEntityByRef(ref, request),
    );
    if (!entity) {
      warnings.push(
        `${ref}: not in the catalog (or not readable with the token); no owner labels`,
      );
      owners.set(ref, found);
      continue;
    }
    const owner =
      entity.relations?.find(r => r.type === RELATION_OWNED_BY)?.targetRef ??
      (typeof entity.spec?.owner === 'string'
        ? stringifyEntityRef(
            parseEntityRef(entity.spec.owner, {
              defaultKind: 'group',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          )
        : undefined);
    if (owner) found.owner = owner;
    else warnings.push(`${ref}: has no owner`);

    const roles = await ask('ownership', () =>
      ownership.getEntityOwnership(ref, request),
    );
    const role = roles?.roles.find(r => r.role === options.sreRole);
    if (role?.status === 'covered') {
      found.sre = role.owner.ref;
    } else {
      warnings.push(
        `${ref}: no ${options.sreRole} role holder (${whyNoHolder(
          roles,
          role,
          options.sreRole,
        )})`,
      );
    }
    owners.set(ref, found);
  }
  return { owners, warnings };
}

function whyNoHolder(
  roles: EntityOwnershipResponse | undefined,
  role: RoleOwnership | undefined,
  name: string,
): string {
  if (!roles) return 'not in the ownership index';
  if (!role) return `no role "${name}" is configured`;
  if (role.status === 'orphaned') return `${role.owner.ref} does not exist`;
  return role.status;
}

/** One request; undefined for a 404, a CliError for anything else. */
async function ask<T>(
  plugin: string,
  call: () => Promise<T | undefined>,
): Promise<T | undefined> {
  try {
    return await call();
  } catch (e) {
    const failure = responseFailure(e);
    if (failure.kind === 'unreachable') {
      throw new CliError(
        `cannot reach the ${plugin} backend: ${failure.cause}`,
      );
    }
    if (failure.status === 404) return undefined;
    if (failure.status === 401 || failure.status === 403) {
      throw new CliError(
        `the ${plugin} backend refused the token (${failure.status}): ${failure.message}`,
      );
    }
    throw new CliError(
      `the ${plugin} backend failed (${failure.status}): ${failure.message}`,
    );
  }
}
