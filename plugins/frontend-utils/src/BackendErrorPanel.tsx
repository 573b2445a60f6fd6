import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { useEffect } from 'react';

/** The backend's own message and status, when the error is a response. */
export function backendError(error: Error): {
  message: string;
  status?: number;
  retryAfterSeconds?: number;
} {
  if (error.name !== 'ResponseError') return { message: error.message };
  const { cause, statusCode, response } = error as ResponseError;
  const retryAfter = Number(response?.headers?.get('retry-after'));
  return {
    message: cause?.message || error.message,
    status: statusCode,
    retryAfterSeconds:
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}

/**
 * Shows what the backend said rather than "Request failed with 404": a 503
 * (the backend is warming up) as a notice, and asks again after the
 * backend's Retry-After when `onRetry` is given; other errors as an error
 * panel titled with the backend's message.
 */
export function BackendErrorPanel(props: {
  error: Error;
  title?: string;
  onRetry?: () => void;
}) {
  const { error, title, onRetry } = props;
  const { message, status, retryAfterSeconds } = backendError(error);
  const warmingUp = status === 503;
  useEffect(() => {
    if (!warmingUp || !onRetry) return undefined;
    const timer = setTimeout(onRetry, (retryAfterSeconds ?? 10) * 1000);
    return () => clearTimeout(timer);
  }, [warmingUp, onRetry, retryAfterSeconds]);
  if (warmingUp) {
    return (
      <WarningPanel
        severity="info"
        title={title ?? 'Not ready yet'}
        message={onRetry ? `${message} This view refreshes itself.` : message}
      />
    );
  }
  return <ResponseErrorPanel error={error} title={title ?? message} />;
}
