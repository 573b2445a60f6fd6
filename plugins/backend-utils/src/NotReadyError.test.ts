import {
  DATABASE_RETRY_AFTER_SECONDS,
  NotReadyError,
  notReadyHandler,
} from './NotReadyError';

function response() {
  const res = {
    headersSent: false,
    headers: {} as Record<string, string>,
    statusCode: 200,
    body: undefined as unknown,
    setHeader(name: string, value: string) {
      res.headers[name] = value;
    },
    status(code: number) {
      res.statusCode = code;
      return res;
    },
    json(body: unknown) {
      res.body = body;
    },
  };
  return res;
}

const req = { method: 'GET', originalUrl: '/api/x/v1/things' } as any;

describe('notReadyHandler', () => {
  it('answers 503 with Retry-After in whole seconds and the error body', () => {
    const res = response();
    const next = jest.fn();
    notReadyHandler(
      new NotReadyError('warming up', 2.5),
      req,
      res as any,
      next,
    );
    expect(next).not.toHaveBeenCalled();
    expect(res.statusCode).toBe(503);
    expect(res.headers['Retry-After']).toBe('3');
    expect(res.body).toEqual({
      error: expect.objectContaining({
        name: 'ServiceUnavailableError',
        message: 'warming up',
      }),
      request: { method: 'GET', url: '/api/x/v1/things' },
      response: { statusCode: 503 },
    });
    expect((res.body as any).error.stack).toBeUndefined();
  });

  it('leaves other errors, and responses already sent, to the next handler', () => {
    const next = jest.fn();
    const other = new Error('boom');
    notReadyHandler(other, req, response() as any, next);
    expect(next).toHaveBeenCalledWith(other);

    const sent = { ...response(), headersSent: true };
    const notReady = new NotReadyError('warming up', 10);
    notReadyHandler(notReady, req, sent as any, next);
    expect(next).toHaveBeenLastCalledWith(notReady);
  });

  it('answers an error saying the database is away with 503, Retry-After and a message of its own', () => {
    const res = response();
    const next = jest.fn();
    const refused = Object.assign(
      new Error('connect ECONNREFUSED 127.0.0.1:5432'),
      { code: 'ECONNREFUSED' },
    );
    notReadyHandler(refused, req, res as any, next);
    expect(next).not.toHaveBeenCalled();
    expect(res.statusCode).toBe(503);
    expect(res.headers['Retry-After']).toBe(
      String(DATABASE_RETRY_AFTER_SECONDS),
    );
    expect(res.body).toEqual({
      error: expect.objectContaining({
        name: 'ServiceUnavailableError',
        message: 'The database is unavailable; try again in a few seconds',
      }),
      request: { method: 'GET', url: '/api/x/v1/things' },
      response: { statusCode: 503 },
    });
    expect(JSON.stringify(res.body)).not.toContain('ECONNREFUSED');
  });

  it('leaves a database error to the next handler once the response is sent', () => {
    const next = jest.fn();
    const terminated = new Error('Connection terminated unexpectedly');
    notReadyHandler(
      terminated,
      req,
      { ...response(), headersSent: true } as any,
      next,
    );
    expect(next).toHaveBeenCalledWith(terminated);
  });

  it('asks for at least one second', () => {
    expect(new NotReadyError('soon', 0).retryAfterSeconds).toBe(1);
  });
});
