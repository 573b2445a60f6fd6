import { isDatabaseUnavailable } from './isDatabaseUnavailable';

/** An error shaped as the `pg` driver and Node's sockets report them. */
const driverError = (message: string, fields: Record<string, unknown>) =>
  Object.assign(new Error(message), fields);

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'nothing listens',
      driverError('connect ECONNREFUSED 127.0.0.1:5432', {
        code: 'ECONNREFUSED',
        errno: -111,
        syscall: 'connect',
      }),
    ],
    [
      'the connection was reset',
      driverError('read ECONNRESET', { code: 'ECONNRESET' }),
    ],
    [
      'a fast shutdown ends the session (57P01)',
      driverError('terminating connection due to administrator command', {
        code: '57P01',
        severity: 'FATAL',
      }),
    ],
    [
      'the server is starting or stopping (57P03)',
      driverError('the database system is shutting down', { code: '57P03' }),
    ],
    [
      'a connection exception (class 08)',
      driverError('connection failure', { code: '08006' }),
    ],
    [
      'the socket closed under a query',
      new Error('Connection terminated unexpectedly'),
    ],
    [
      'a client broken by an earlier error',
      new Error(
        'Client has encountered a connection error and is not queryable',
      ),
    ],
    [
      'a rollback on a broken client, as knex words it',
      new Error(
        'ROLLBACK - Client has encountered a connection error and is not queryable',
      ),
    ],
    [
      'knex found no connection in time',
      Object.assign(
        new Error(
          'Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?',
        ),
        { name: 'KnexTimeoutError' },
      ),
    ],
    [
      'a refusal wrapped as a cause',
      new Error('ingest failed', {
        cause: driverError('connect ECONNREFUSED', { code: 'ECONNREFUSED' }),
      }),
    ],
    [
      'every address refused (AggregateError)',
      new AggregateError(
        [
          driverError('connect ECONNREFUSED ::1:5432', {
            code: 'ECONNREFUSED',
          }),
          driverError('connect ECONNREFUSED 127.0.0.1:5432', {
            code: 'ECONNREFUSED',
          }),
        ],
        '',
      ),
    ],
  ])('%s: yes', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    [
      'a unique violation',
      driverError('duplicate key value violates unique constraint', {
        code: '23505',
      }),
    ],
    [
      'a syntax error',
      driverError('syntax error at or near "selec"', { code: '42601' }),
    ],
    [
      'a query cancelled by timeout (57014)',
      driverError('canceling statement due to statement timeout', {
        code: '57014',
      }),
    ],
    ['a plain error', new Error('boom')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('%s: no', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops at a cause that refers back to itself', () => {
    const error: Error & { cause?: unknown } = new Error('loop');
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
