/** What a failed SloClient call says: an HTTP answer, or no answer at all. */
export type ResponseFailure =
  | { kind: 'answer'; status: number; message: string }
  | { kind: 'unreachable'; cause: string };

/**
 * SloClient throws a ResponseError (from @backstage/errors) for answers, and
 * fetch's TypeError (its cause holds the socket error) when none came.
 */
export function responseFailure(e: unknown): ResponseFailure {
  const response = e as Error & {
    statusCode?: number;
    body?: { error?: { message?: string } };
    cause?: { code?: string; message?: string };
  };
  if (response.name === 'ResponseError' && response.statusCode) {
    return {
      kind: 'answer',
      status: response.statusCode,
      message: response.body?.error?.message ?? response.message,
    };
  }
  return {
    kind: 'unreachable',
    cause:
      response.cause?.code ??
      response.cause?.message ??
      (response.name === 'TimeoutError' ? 'no answer in time' : undefined) ??
      response.message,
  };
}
