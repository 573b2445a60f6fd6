/**
 * Node socket errors that mean the database server cannot be reached or
 * dropped the connection.
 */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATE codes of a server that is going away or not accepting
 * connections yet: class 08 (connection exception) and 57P01 admin
 * shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up,
 * shutting down, in recovery).
 */
const SQLSTATE = /^(08\d{3}|57P0[123])$/;

/**
 * Errors from the `pg` driver and knex's pool with no code of their own;
 * knex puts the statement in front of a query's message (`ROLLBACK - …`).
 */
const MESSAGES = [
  /\bConnection terminated\b/,
  /\bClient has encountered a connection error and is not queryable/,
  /\bClient was closed and is not queryable/,
  /\bKnex: Timeout acquiring a connection/,
];

/**
 * Whether an error says the database is away (stopped, restarting, failing
 * over, unreachable) rather than that the query was wrong: the caller may
 * try again in a moment. Follows `cause` and the errors of an
 * AggregateError, as connection attempts to several addresses report them.
 *
 * @public
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e)) return false;
    seen.add(e);
    const { code, name, message, cause, errors } = e as {
      code?: unknown;
      name?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (
      typeof code === 'string' &&
      (SOCKET_CODES.has(code) || SQLSTATE.test(code))
    ) {
      return true;
    }
    if (name === 'KnexTimeoutError') return true;
    if (typeof message === 'string' && MESSAGES.some(m => m.test(message))) {
      return true;
    }
    return visit(cause) || (Array.isArray(errors) && errors.some(visit));
  };
  return visit(error);
}
