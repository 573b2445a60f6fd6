import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  ResponseError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  EntityOwnershipResponse,
  OwnershipClient,
} from '@triad/plugin-ownership-common';

/**
 * Asks the ownership backend who holds each role for an entity, on behalf of
 * the given credentials. An entity the caller may not see is an input error;
 * any other failure means the backend could not answer.
 */
export async function fetchEntityOwnership(
  deps: { client: OwnershipClient; auth: AuthService },
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<EntityOwnershipResponse> {
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf: credentials,
    targetPluginId: 'ownership',
  });
  try {
    return await deps.client.getEntityOwnership(entityRef, { token });
  } catch (e) {
    if (e instanceof ResponseError && e.statusCode === 404) {
      throw new InputError(
        `entityRef: ${entityRef} is not in the catalog, or you may not see it`,
      );
    }
    throw new ServiceUnavailableError(
      `The ownership backend could not answer for ${entityRef}: ${
        (e as Error).message
      }`,
    );
  }
}
