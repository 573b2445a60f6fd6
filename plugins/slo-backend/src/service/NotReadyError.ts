import { ServiceUnavailableError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

/**
 * A 503 that says when to ask again: the router sends `retryAfterSeconds` as
 * the `Retry-After` header; the body is Backstage's usual error body.
 */
export class NotReadyError extends ServiceUnavailableError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

/** Sets `Retry-After` for a NotReadyError and leaves the body to the error handler. */
export const retryAfterHeader: ErrorRequestHandler = (
  error,
  _req,
  res,
  next,
) => {
  if (error instanceof NotReadyError && !res.headersSent) {
    res.setHeader('Retry-After', String(error.retryAfterSeconds));
  }
  next(error);
};
