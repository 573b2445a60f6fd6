import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { SloClient } from '@triad/plugin-slo-common';

/**
 * What the actions that call the SLO backend need.
 *
 * @public
 */
export interface SloBackendOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  /** For tests; the global fetch by default. */
  fetch?: typeof fetch;
}

/**
 * The SLO backend as the actions call it: a client, and a token for each
 * task on behalf of the user running the template.
 */
export function sloBackend(options: SloBackendOptions) {
  const client = new SloClient({
    discoveryApi: options.discovery,
    ...(options.fetch && { fetchApi: { fetch: options.fetch } }),
  });
  const tokenFor = async (ctx: {
    getInitiatorCredentials(): Promise<BackstageCredentials>;
  }) => {
    const { token } = await options.auth.getPluginRequestToken({
      onBehalfOf: await ctx.getInitiatorCredentials(),
      targetPluginId: 'slo',
    });
    return token;
  };
  return { client, tokenFor };
}
