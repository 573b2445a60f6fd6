import { ConfigReader } from '@backstage/config';
import { readSloBackendConfig } from './config';

describe('readSloBackendConfig', () => {
  it('has defaults for everything', () => {
    expect(readSloBackendConfig(new ConfigReader({}))).toEqual({
      dataSources: [],
      evaluation: {
        cacheTtlMs: 60_000,
        timeoutMs: 10_000,
        sourceTimeoutsMs: new Map(),
        frequencyMs: 300_000,
        changeCheckMs: 10_000,
        concurrency: 8,
      },
      status: { warningBelow: 0.25, breachedBelow: 0 },
      policy: {
        defaults: { minRemainingBudget: 0, blockOnPageAlert: true },
        teams: new Map(),
      },
      builtin: { retentionMs: 35 * 86_400_000, maxBatchSize: 10_000 },
      snapshotRetentionMs: 90 * 86_400_000,
    });
  });

  it('reads data sources with their own timeouts, handing on the whole entry', () => {
    const entry = {
      name: 'prom',
      type: 'prometheus',
      baseUrl: 'http://prom:9090',
      timeout: '30s',
    };
    const config = readSloBackendConfig(
      new ConfigReader({
        slo: {
          dataSources: [entry, { name: 'other', type: 'prometheus' }],
          evaluation: { timeout: '5s', cacheTtl: '2m', concurrency: 2 },
          status: { warningBelow: 0.5 },
          policy: { blockOnPageAlert: false },
          builtin: { retention: '60d', maxBatchSize: 100 },
        },
      }),
    );
    expect(config.dataSources).toEqual([
      { name: 'prom', type: 'prometheus', connectionDetails: entry },
      {
        name: 'other',
        type: 'prometheus',
        connectionDetails: { name: 'other', type: 'prometheus' },
      },
    ]);
    expect(config.evaluation).toMatchObject({
      timeoutMs: 5_000,
      sourceTimeoutsMs: new Map([['prom', 30_000]]),
      cacheTtlMs: 120_000,
      concurrency: 2,
    });
    expect(config.status).toEqual({ warningBelow: 0.5, breachedBelow: 0 });
    expect(config.policy.defaults.blockOnPageAlert).toBe(false);
    expect(config.builtin).toEqual({
      retentionMs: 60 * 86_400_000,
      maxBatchSize: 100,
    });
  });

  it('reads per-team policies under full entity refs', () => {
    const config = readSloBackendConfig(
      new ConfigReader({
        slo: {
          policy: {
            minRemainingBudget: 0.05,
            teams: {
              'checkout-team': { minRemainingBudget: 0.2 },
              'group:payments/card-team': { blockOnPageAlert: false },
              'group:sre': {},
            },
          },
        },
      }),
    );
    expect(config.policy).toEqual({
      defaults: { minRemainingBudget: 0.05, blockOnPageAlert: true },
      teams: new Map([
        ['group:default/checkout-team', { minRemainingBudget: 0.2 }],
        ['group:payments/card-team', { blockOnPageAlert: false }],
        ['group:default/sre', {}],
      ]),
    });
  });

  it('refuses a team policy it cannot use, naming the key', () => {
    const read = (teams: unknown) => () =>
      readSloBackendConfig(
        new ConfigReader({ slo: { policy: { teams } } } as any),
      );
    expect(read({ 'checkout-team': { minRemainingBudget: 10 } })).toThrow(
      'slo.policy.teams["checkout-team"].minRemainingBudget: must be a number from 0 to 1',
    );
    expect(read({ 'checkout-team': { blockOnPageAlert: 'no' } })).toThrow(
      'slo.policy.teams["checkout-team"].blockOnPageAlert: must be true or false',
    );
    expect(read({ 'checkout-team': { maxBurnRate: 2 } })).toThrow(
      'slo.policy.teams["checkout-team"].maxBurnRate: is not a setting; expected minRemainingBudget or blockOnPageAlert',
    );
    expect(
      read({
        'checkout-team': {},
        'group:default/checkout-team': {},
      }),
    ).toThrow(
      'slo.policy.teams["group:default/checkout-team"]: group:default/checkout-team is configured twice',
    );
    expect(read(['checkout-team'])).toThrow(
      'slo.policy.teams: must be an object of team refs to policies',
    );
  });
});
