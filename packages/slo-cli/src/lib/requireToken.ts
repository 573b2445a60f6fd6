import { CliIo } from './io';
import { CliError } from './exitCodes';

/**
 * The token to call Triad's backend with: `--token`, else TRIAD_SLO_TOKEN.
 * `needed` says when one is needed, for commands where it is optional.
 */
export function requireToken(
  io: CliIo,
  token: string | undefined,
  needed = '',
): string {
  const found = token ?? io.env.TRIAD_SLO_TOKEN;
  if (!found) {
    throw new CliError(
      `a token is required${needed}: --token <token> or the TRIAD_SLO_TOKEN environment variable`,
    );
  }
  return found;
}
