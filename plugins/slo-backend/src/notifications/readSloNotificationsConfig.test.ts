import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readSloNotificationsConfig } from './readSloNotificationsConfig';

const read = (notifications: JsonObject) =>
  readSloNotificationsConfig(new ConfigReader({ slo: { notifications } }));

describe('readSloNotificationsConfig', () => {
  it('is off by default, for every transition, to the owner and SRE', () => {
    const config = readSloNotificationsConfig(new ConfigReader({}));
    expect(config.enabled).toBe(false);
    expect([...config.transitions]).toEqual([
      'pageStarted',
      'pageStopped',
      'budgetLow',
      'budgetExhausted',
      'releaseBlocked',
      'releaseAllowed',
    ]);
    expect(config.roles).toEqual(['owner', 'sre']);
  });

  it('takes the transitions and roles given', () => {
    const config = read({
      enabled: true,
      transitions: ['pageStarted'],
      roles: ['sre', 'platform'],
    });
    expect(config).toEqual({
      enabled: true,
      transitions: new Set(['pageStarted']),
      roles: ['sre', 'platform'],
    });
  });

  it('names the key of a bad value', () => {
    expect(() => read({ transitions: ['pageStarted', 'paged'] })).toThrow(
      'slo.notifications.transitions: unknown transition "paged"',
    );
    expect(() => read({ roles: [] })).toThrow('slo.notifications.roles:');
  });
});
