import { SloClient } from '@triad/plugin-slo-common';
import { readFile } from 'fs/promises';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../lib/exitCodes';
import { CliIo } from '../lib/io';
import { parseSamples } from '../lib/parseSamples';
import { responseFailure } from '../lib/responseFailure';
import { sloBaseUrl } from '../lib/sloBaseUrl';
import { requireToken } from '../lib/requireToken';

/** Options of `triad-slo push`. */
export interface PushOptions {
  url: string;
  token?: string;
  batchSize: string;
}

/**
 * `triad-slo push --url <backend> <file>`: sends per-minute samples to the
 * built-in store's ingest endpoint in batches. Re-sending a series and minute
 * replaces the stored sample, so a failed push can simply be run again.
 */
export async function push(
  io: CliIo,
  file: string,
  options: PushOptions,
): Promise<number> {
  const token = requireToken(io, options.token);
  const batchSize = Number(options.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new CliError(
      `--batch-size must be a positive whole number, not "${options.batchSize}"`,
    );
  }
  const baseUrl = sloBaseUrl(options.url);
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const { samples, problems } = parseSamples(file, content);
  if (problems.length) {
    problems.forEach(p => io.out(`${p}\n`));
    io.err(
      `nothing pushed: ${problems.length} problem${
        problems.length === 1 ? '' : 's'
      } in ${file}\n`,
    );
    return EXIT_PROBLEMS;
  }
  if (!samples.length) {
    io.err(`nothing pushed: ${file} holds no samples\n`);
    return EXIT_PROBLEMS;
  }

  const client = new SloClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    ...(io.fetch && { fetchApi: { fetch: io.fetch } }),
  });
  let accepted = 0;
  for (let start = 0; start < samples.length; start += batchSize) {
    const batch = samples.slice(start, start + batchSize);
    const which = `samples ${start + 1}-${start + batch.length} of ${
      samples.length
    }`;
    try {
      accepted += (await client.pushSamples(batch, { token })).accepted;
    } catch (e) {
      return batchFailure(io, e, { file, which, stored: start, baseUrl });
    }
  }
  const series = new Set(samples.map(s => s.series)).size;
  io.out(
    `pushed ${accepted} sample${
      accepted === 1 ? '' : 's'
    } of ${series} series to ${baseUrl}\n`,
  );
  return EXIT_OK;
}

/**
 * A batch the backend did not store: the samples' problems when it refused
 * them (EXIT_PROBLEMS), otherwise a CliError saying what went wrong.
 */
function batchFailure(
  io: CliIo,
  error: unknown,
  batch: { file: string; which: string; stored: number; baseUrl: string },
): number {
  const { file, which, stored, baseUrl } = batch;
  const done = stored ? ` (${stored} were stored; pushing again is safe)` : '';
  const failure = responseFailure(error);
  if (failure.kind === 'unreachable') {
    throw new CliError(`cannot reach ${baseUrl}: ${failure.cause}${done}`);
  }
  const { status, message } = failure;
  if (status === 400) {
    io.out(`${file} (${which}): ${message}\n`);
    io.err(`the backend refused ${which}${done}\n`);
    return EXIT_PROBLEMS;
  }
  if (status === 401 || status === 403) {
    throw new CliError(
      `the backend refused the token (${status}): ${message}${done}`,
    );
  }
  if (status === 413) {
    throw new CliError(
      `the backend found ${which} too large (413); use a smaller --batch-size${done}`,
    );
  }
  throw new CliError(
    `the backend failed on ${which} (${status}): ${message}${done}`,
  );
}
