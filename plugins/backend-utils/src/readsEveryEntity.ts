import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';

/** The catalog's read permission (as in @backstage/plugin-catalog-common). */
const catalogEntityReadPermission = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/**
 * Whether the permission policy lets the caller read every catalog entity
 * unconditionally: then the catalog filters nothing for this caller, and a
 * list need not ask it which entities the caller may read. Any failure to
 * decide answers false, so the catalog decides reference by reference.
 *
 * @public
 */
export async function readsEveryEntity(
  permissions: PermissionsService | undefined,
  credentials: BackstageCredentials,
): Promise<boolean> {
  if (!permissions) return false;
  try {
    const [decision] = await permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  } catch {
    return false;
  }
}
