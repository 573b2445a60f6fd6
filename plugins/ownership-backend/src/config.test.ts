import { ConfigReader } from '@backstage/config';
import { readOwnershipBackendConfig } from './config';

describe('readOwnershipBackendConfig', () => {
  it('has defaults for everything', () => {
    expect(readOwnershipBackendConfig(new ConfigReader({}))).toEqual({
      roles: [
        expect.objectContaining({ id: 'devops' }),
        expect.objectContaining({ id: 'sre' }),
        expect.objectContaining({ id: 'platform' }),
      ],
      schedule: {
        frequency: { minutes: 5 },
        timeout: { minutes: 2 },
        scope: 'local',
      },
      eventTopics: ['github.push', 'gitlab.push'],
      eventDelayMs: 30_000,
      changeCheckMs: 10_000,
    });
  });

  it('reads the change check interval', () => {
    const config = readOwnershipBackendConfig(
      new ConfigReader({
        ownership: { index: { changeCheck: { frequency: '30s' } } },
      }),
    );
    expect(config.changeCheckMs).toBe(30_000);
  });

  it('reads roles, schedule and events', () => {
    const config = readOwnershipBackendConfig(
      new ConfigReader({
        ownership: {
          roles: [{ id: 'devops' }, { id: 'security', title: 'Security' }],
          index: {
            schedule: {
              frequency: { seconds: 30 },
              timeout: { seconds: 20 },
              scope: 'global',
            },
            events: {
              topics: ['catalog.changed'],
              delay: { minutes: 1, seconds: 5 },
            },
          },
        },
      }),
    );
    expect(config.roles.map(r => r.title)).toEqual(['devops', 'Security']);
    expect(config.schedule).toEqual({
      frequency: { seconds: 30 },
      timeout: { seconds: 20 },
      // Each instance has its own index.
      scope: 'local',
    });
    expect(config.eventTopics).toEqual(['catalog.changed']);
    expect(config.eventDelayMs).toBe(65_000);
  });

  it('accepts a delay written as text and no topics at all', () => {
    const config = readOwnershipBackendConfig(
      new ConfigReader({
        ownership: { index: { events: { topics: [], delay: '10s' } } },
      }),
    );
    expect(config.eventTopics).toEqual([]);
    expect(config.eventDelayMs).toBe(10_000);
  });

  it.each([
    [
      { roles: [{ id: 'sre' }, { id: 'sre' }] },
      'ownership.roles[1].id: "sre" is listed twice',
    ],
    [
      { index: { events: { delay: { months: 1 } } } },
      'ownership.index.events.delay: give the duration in weeks or smaller units',
    ],
    [{ index: { events: { delay: 'soon' } } }, "Invalid duration 'soon'"],
    [
      { index: { changeCheck: { frequency: { milliseconds: 10 } } } },
      'ownership.index.changeCheck.frequency: must be at least one second',
    ],
    [{ index: { schedule: { timeout: { minutes: 1 } } } }, 'frequency'],
  ])('refuses %j', (ownership, message) => {
    expect(() =>
      readOwnershipBackendConfig(new ConfigReader({ ownership })),
    ).toThrow(message);
  });
});
