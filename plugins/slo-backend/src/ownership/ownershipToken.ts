import { AuthService } from '@backstage/backend-plugin-api';

/**
 * A token for the ownership backend on the SLO plugin's own behalf. What
 * it answers (holders, responsibilities) only names entities; every answer
 * that reaches a caller is read from the catalog with the caller's
 * credentials.
 */
export async function ownershipToken(
  auth: AuthService,
): Promise<{ token: string }> {
  return auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId: 'ownership',
  });
}
