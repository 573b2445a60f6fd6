import { serializeError, ServiceUnavailableError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';

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
 * other errors to the error handler. Warming up is routine: unlike other 5xx
 * answers it is not logged as an error. Add it to the plugin's router after
 * the routes.
 *
 * @public
 */
export const notReadyHandler: ErrorRequestHandler = (error, req, res, next) => {
  if (!(error instanceof NotReadyError) || res.headersSent) {
    next(error);
    return;
  }
  res.setHeader('Retry-After', String(error.retryAfterSeconds));
  res.status(503).json({
    error: serializeError(error),
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: 503 },
  });
};
