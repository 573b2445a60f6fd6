import { ResponseError } from '@backstage/errors';

/** An error as the ownership client throws it for a backend error response. */
export async function backendError(
  status: number,
  name: string,
  message: string,
  headers: Record<string, string> = {},
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json', ...headers } },
    ) as any,
  );
}
