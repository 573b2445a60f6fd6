import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/test-utils';
import { render, screen } from '@testing-library/react';
import { act } from 'react';
import { BackendErrorPanel, backendError } from './BackendErrorPanel';

async function responseError(status: number, headers = {}) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotReadyError', message: 'The index is being built' },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json', ...headers } },
    ) as any,
  );
}

describe('backendError', () => {
  it("takes the backend's message, status and Retry-After", async () => {
    const error = await responseError(503, { 'Retry-After': '5' });
    expect(backendError(error)).toEqual({
      message: 'The index is being built',
      status: 503,
      retryAfterSeconds: 5,
    });
  });

  it('ignores a Retry-After that is no positive number', async () => {
    const error = await responseError(503, { 'Retry-After': 'soon' });
    expect(backendError(error).retryAfterSeconds).toBeUndefined();
  });

  it('keeps the message of an error that is no response', () => {
    expect(backendError(new Error('offline'))).toEqual({ message: 'offline' });
  });
});

describe('BackendErrorPanel', () => {
  afterEach(() => jest.useRealTimers());

  it("shows a 503 as a notice and asks again after the backend's Retry-After", async () => {
    jest.useFakeTimers();
    const onRetry = jest.fn();
    const error = await responseError(503, { 'Retry-After': '5' });
    render(<BackendErrorPanel error={error} onRetry={onRetry} />);
    expect(screen.getByText(/Not ready yet/)).toBeInTheDocument();
    act(() => jest.advanceTimersByTime(4_999));
    expect(onRetry).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(1));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("titles any other error with the backend's message", async () => {
    await renderInTestApp(
      <BackendErrorPanel error={await responseError(404)} />,
    );
    expect(
      screen.getAllByText(/The index is being built/).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/Not ready yet/)).not.toBeInTheDocument();
  });
});
