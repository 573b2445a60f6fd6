import {
  PolicyDecision,
  SloClient,
  describeReleaseGatePolicy,
  durationToMs,
} from '@triad/plugin-slo-common';
import { CliError, EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS } from '../lib/exitCodes';
import { githubAnnotation } from '../lib/githubAnnotation';
import { CliIo } from '../lib/io';
import { responseFailure } from '../lib/responseFailure';
import { sloBaseUrl } from '../lib/sloBaseUrl';
import { requireToken } from '../lib/requireToken';

/** Options of `triad-slo gate`. */
export interface GateOptions {
  url: string;
  token?: string;
  onError?: string;
  timeout: string;
  github?: boolean;
}

/** Exit codes of the gate: the pipeline's answer. */
const ALLOWED = EXIT_OK;
const BLOCKED = EXIT_PROBLEMS;
const UNDECIDED = EXIT_ERROR;

function isDecision(body: unknown): body is PolicyDecision {
  const d = body as PolicyDecision | undefined;
  return (
    typeof d?.releaseAllowed === 'boolean' &&
    typeof d.summary === 'string' &&
    Array.isArray(d.reasons)
  );
}

/** The decision in plain lines: the summary, the policy, every reason. */
function printDecision(
  io: CliIo,
  entityRef: string,
  decision: PolicyDecision,
  github: boolean,
) {
  io.out(`${entityRef}: ${decision.summary}\n`);
  if (decision.policy) {
    io.out(`  policy: ${describeReleaseGatePolicy(decision.policy)}\n`);
    for (const problem of decision.policy.problems) {
      io.err(`warning: ${problem}\n`);
      if (github) io.out(`${githubAnnotation('warning', problem)}\n`);
    }
  }
  for (const reason of decision.reasons) {
    io.out(`  ${reason.blocking ? 'blocking' : 'ok'}: ${reason.message}\n`);
  }
  if (github) {
    for (const reason of decision.reasons.filter(r => r.blocking)) {
      io.out(
        `${githubAnnotation('error', reason.message, {
          title: `Release gate: ${entityRef}`,
        })}\n`,
      );
    }
  }
}

/**
 * `triad-slo gate --url <backend> <entityRef>`: asks the SLO backend's
 * error-budget policy whether the entity may release. Exit 0 allowed, 1
 * blocked, 2 undecided. When the backend cannot answer (unreachable, 5xx, no
 * answer in time), `--on-error allow|block` decides instead; a request the
 * backend refuses (unknown entity, bad token) never passes, since a typo
 * must not open the gate.
 */
export async function gate(
  io: CliIo,
  entityRef: string,
  options: GateOptions,
): Promise<number> {
  const token = requireToken(io, options.token);
  if (
    options.onError !== undefined &&
    options.onError !== 'allow' &&
    options.onError !== 'block'
  ) {
    throw new CliError(
      `--on-error must be allow or block, not "${options.onError}"`,
    );
  }
  let timeoutMs: number;
  try {
    timeoutMs = durationToMs(options.timeout);
  } catch (e) {
    throw new CliError(`--timeout: ${(e as Error).message}`);
  }
  if (!/^[^:/]+:(?:[^:/]+\/)?[^:/]+$/.test(entityRef)) {
    throw new CliError(
      `"${entityRef}" is not an entity reference such as component:default/checkout-service`,
    );
  }
  const baseUrl = sloBaseUrl(options.url);
  const baseFetch = io.fetch ?? fetch;
  const client = new SloClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: {
      // A hung backend must not hold the pipeline until the job times out.
      fetch: (input, init) =>
        baseFetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    },
  });

  let problem: string;
  try {
    const decision: unknown = await client.getPolicy(entityRef, { token });
    if (isDecision(decision)) {
      printDecision(io, entityRef, decision, !!options.github);
      return decision.releaseAllowed ? ALLOWED : BLOCKED;
    }
    problem = `${baseUrl} answered with something other than a policy decision`;
  } catch (e) {
    const failure = responseFailure(e);
    if ((e as Error).name === 'SyntaxError') {
      problem = `${baseUrl} answered with something other than JSON`;
    } else if (failure.kind === 'unreachable') {
      problem = `cannot reach ${baseUrl}: ${failure.cause}`;
    } else if (failure.status >= 500) {
      problem = `the backend failed (${failure.status}): ${failure.message}`;
    } else if (failure.status === 401 || failure.status === 403) {
      throw new CliError(
        `the backend refused the token (${failure.status}): ${failure.message}`,
      );
    } else {
      throw new CliError(
        `the backend cannot decide for ${entityRef} (${failure.status}): ${failure.message}`,
      );
    }
  }
  return decideWithoutBackend(io, entityRef, problem, options);
}

/** `--on-error`: what the pipeline does when the backend cannot answer. */
function decideWithoutBackend(
  io: CliIo,
  entityRef: string,
  problem: string,
  options: GateOptions,
): number {
  const title = `Release gate: ${entityRef}`;
  if (options.onError === 'allow') {
    const message = `${problem}; release allowed without a decision (--on-error allow)`;
    io.err(`warning: ${message}\n`);
    if (options.github) {
      io.out(`${githubAnnotation('warning', message, { title })}\n`);
    }
    return ALLOWED;
  }
  if (options.onError === 'block') {
    const message = `${problem}; release blocked without a decision (--on-error block)`;
    io.err(`error: ${message}\n`);
    if (options.github) {
      io.out(`${githubAnnotation('error', message, { title })}\n`);
    }
    return BLOCKED;
  }
  const message = `${problem}; the release gate could not decide (choose with --on-error allow|block)`;
  io.err(`error: ${message}\n`);
  if (options.github) {
    io.out(`${githubAnnotation('error', message, { title })}\n`);
  }
  return UNDECIDED;
}
