import { serializeError, ServiceUnavailableError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';
import { isDatabaseUnavailable } from './isDatabaseUnavailable';

/**
 * How long callers are asked to wait while the database is away: a
 * restart or fail-over usually takes seconds.
 *
 * @public
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * A 503 that says when to ask again: the router sends `retryAfterSeconds` as
 * the `Retry-After` header; the body is Backstage's usual error body.
 *
 * @public
 */
export class NotReadyError extends ServiceUnavailableError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

/**
 * Answers a NotReadyError with 503, `Retry-After` and Backstage's error body
 * (the error serialized by @backstage/errors, without its stack), and leaves
 * other errors to the error handler. An error saying the database is away
 * (see isDatabaseUnavailable) becomes such a 503 too, with a message of its
 * own instead of the driver's. Warming up and database restarts are
 * routine: unlike other 5xx answers they are not logged as errors. Add it
 * to the plugin's router after the routes.
 *
 * @public
 */
export const notReadyHandler: ErrorRequestHandler = (cause, req, res, next) => {
  const error = isDatabaseUnavailable(cause)
    ? new NotReadyError(
        'The database is unavailable; try again in a few seconds',
        DATABASE_RETRY_AFTER_SECONDS,
      )
    : cause;
  if (!(error instanceof NotReadyError) || res.headersSent) {
    next(cause);
    return;
  }
  res.setHeader('Retry-After', String(error.retryAfterSeconds));
  res.status(503).json({
    error: serializeError(error),
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: 503 },
  });
};
