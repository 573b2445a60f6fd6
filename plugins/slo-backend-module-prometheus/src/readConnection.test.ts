import { InputError } from '@backstage/errors';
import { readConnection } from './readConnection';

const source = (config: Record<string, unknown>) => ({
  name: 'prom',
  type: 'prometheus',
  config,
});

describe('readConnection', () => {
  it('reads an app-config entry', () => {
    expect(
      readConnection(
        source({
          name: 'prom',
          type: 'prometheus',
          baseUrl: 'http://prometheus.monitoring:9090/',
          headers: { 'X-Scope-OrgID': 'tenant-a' },
          bearerToken: 's3cret',
          timeout: '10s',
        }),
      ),
    ).toEqual({
      name: 'prom',
      baseUrl: 'http://prometheus.monitoring:9090',
      headers: { 'X-Scope-OrgID': 'tenant-a', Authorization: 'Bearer s3cret' },
      timeoutMs: 10_000,
    });
  });

  it('accepts url from a catalog DataSource and keeps a path prefix', () => {
    const c = readConnection(
      source({ url: 'https://mimir.example/prometheus' }),
    );
    expect(c.baseUrl).toBe('https://mimir.example/prometheus');
    expect(c.headers).toEqual({});
    expect(c.timeoutMs).toBeUndefined();
  });

  it('moves credentials out of the URL into a Basic header', () => {
    const c = readConnection(source({ baseUrl: 'http://user:p%40ss@vm:8428' }));
    expect(c.baseUrl).toBe('http://vm:8428');
    expect(c.headers.Authorization).toBe(
      `Basic ${Buffer.from('user:p@ss').toString('base64')}`,
    );
  });

  it('lets bearerToken replace an Authorization header whatever its case', () => {
    const c = readConnection(
      source({
        baseUrl: 'http://p:9090',
        headers: { authorization: 'Basic x' },
        bearerToken: 't',
      }),
    );
    expect(c.headers).toEqual({ Authorization: 'Bearer t' });
  });

  it.each([
    [{}, 'Prometheus data source "prom" has no baseUrl'],
    [{ baseUrl: 'not a url' }, 'invalid baseUrl'],
    [{ baseUrl: 'ftp://p' }, 'needs an http or https baseUrl'],
    [{ baseUrl: 'http://p', headers: { a: 1 } }, 'header a must be a string'],
    [{ baseUrl: 'http://p', headers: 'x' }, 'headers must be a map'],
    [{ baseUrl: 'http://p', bearerToken: '' }, 'bearerToken must be'],
    [{ baseUrl: 'http://p', timeout: '1M' }, 'timeout "1M" is not a duration'],
  ])('refuses %j', (config, message) => {
    expect(() => readConnection(source(config))).toThrow(InputError);
    expect(() => readConnection(source(config))).toThrow(message);
  });

  it('never puts secrets in its error messages', () => {
    expect(() =>
      readConnection(source({ baseUrl: 'ftp://u:pw@p', bearerToken: 'tok' })),
    ).not.toThrow(/pw|tok/);
  });
});
