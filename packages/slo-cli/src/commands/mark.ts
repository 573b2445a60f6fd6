import {
  SLO_EVENT_TYPES,
  SloClient,
  SloEventType,
} from '@triad/plugin-slo-common';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../lib/exitCodes';
import { CliIo } from '../lib/io';
import { requireToken } from '../lib/requireToken';
import { responseFailure } from '../lib/responseFailure';
import { sloBaseUrl } from '../lib/sloBaseUrl';

/** Options of `triad-slo mark`. */
export interface MarkOptions {
  url: string;
  token?: string;
  id: string;
  type: string;
  title: string;
  time?: string;
  end?: string;
  link?: string;
  releaseVersion?: string;
}

/**
 * `triad-slo mark --url <backend> --id <id> --title <title> <entityRef>`:
 * records a deploy (or incident, maintenance) of the entity, drawn on its
 * SLO charts. The same id again replaces the event, so a retried pipeline
 * step marks once.
 */
export async function mark(
  io: CliIo,
  entityRef: string,
  options: MarkOptions,
): Promise<number> {
  const token = requireToken(io, options.token);
  if (!SLO_EVENT_TYPES.includes(options.type as SloEventType)) {
    throw new CliError(
      `--type must be one of ${SLO_EVENT_TYPES.join(', ')}, not "${
        options.type
      }"`,
    );
  }
  const baseUrl = sloBaseUrl(options.url);
  const client = new SloClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    ...(io.fetch && { fetchApi: { fetch: io.fetch } }),
  });
  try {
    const event = await client.recordEvent(
      {
        id: options.id,
        entityRef,
        type: options.type as SloEventType,
        // The backend checks the times; "now" is this machine's clock.
        time: options.time ?? new Date().toISOString(),
        ...(options.end !== undefined && { end: options.end }),
        title: options.title,
        ...(options.link !== undefined && { link: options.link }),
        ...(options.releaseVersion !== undefined && {
          version: options.releaseVersion,
        }),
      },
      { token },
    );
    io.out(
      `marked ${event.type} ${event.id} of ${event.entityRef} at ${event.time}: ${event.title}\n`,
    );
    return EXIT_OK;
  } catch (e) {
    const failure = responseFailure(e);
    if (failure.kind === 'unreachable') {
      throw new CliError(`cannot reach ${baseUrl}: ${failure.cause}`);
    }
    const { status, message } = failure;
    if (status === 400) {
      io.err(`the backend refused the event: ${message}\n`);
      return EXIT_PROBLEMS;
    }
    if (status === 401 || status === 403) {
      throw new CliError(
        `the backend refused the token (${status}): ${message}`,
      );
    }
    throw new CliError(`the backend failed (${status}): ${message}`);
  }
}
