import { DEFAULT_OWNERSHIP_ROLES } from './roles';
import { isIsoDate, parseTopology } from './parseTopology';

const options = {
  roles: DEFAULT_OWNERSHIP_ROLES,
  namespace: 'default',
  self: 'group:default/runtime-platform',
};

describe('parseTopology', () => {
  it('reads a complete block', () => {
    expect(
      parseTopology(
        {
          type: 'platform',
          disciplines: ['platform', 'sre', 'platform'],
          interactions: [
            {
              with: 'checkout-team',
              mode: 'x-as-a-service',
              until: '2027-03-31',
            },
            { with: 'group:sre-core', mode: 'collaboration' },
          ],
        },
        options,
      ),
    ).toEqual({
      topology: {
        type: 'platform',
        disciplines: ['platform', 'sre'],
        interactions: [
          {
            with: 'group:default/checkout-team',
            mode: 'x-as-a-service',
            until: '2027-03-31',
          },
          { with: 'group:default/sre-core', mode: 'collaboration' },
        ],
      },
      problems: [],
    });
  });

  it('defaults disciplines and interactions to none', () => {
    expect(parseTopology({ type: 'enabling' }, options).topology).toEqual({
      type: 'enabling',
      disciplines: [],
      interactions: [],
    });
  });

  it.each([
    [
      'not an object',
      ['platform'],
      'spec.topology',
      'must be an object with type, disciplines and interactions, got a list',
    ],
    [
      'a missing type',
      { disciplines: [] },
      'spec.topology.type',
      'is required (stream-aligned, platform, enabling, complicated-subsystem)',
    ],
    [
      'an unknown type',
      { type: 'platform-team' },
      'spec.topology.type',
      '"platform-team" is not a team type (stream-aligned, platform, enabling, complicated-subsystem)',
    ],
    [
      'disciplines that are not a list',
      { type: 'enabling', disciplines: 'sre' },
      'spec.topology.disciplines',
      'must be a list of roles (devops, sre, platform), got "sre"',
    ],
    [
      'a discipline that is not a role',
      { type: 'enabling', disciplines: ['sre', 'qa'] },
      'spec.topology.disciplines[1]',
      '"qa" is not a configured role (devops, sre, platform)',
    ],
    [
      'interactions that are not a list',
      { type: 'enabling', interactions: {} },
      'spec.topology.interactions',
      'must be a list of {with, mode, until}, got an object',
    ],
    [
      'an interaction that is not an object',
      { type: 'enabling', interactions: ['checkout-team'] },
      'spec.topology.interactions[0]',
      'must be an object with with, mode and until, got "checkout-team"',
    ],
    [
      'an interaction without with',
      { type: 'enabling', interactions: [{ mode: 'facilitating' }] },
      'spec.topology.interactions[0].with',
      'is required',
    ],
    [
      'an interaction with a malformed ref',
      {
        type: 'enabling',
        interactions: [{ with: 'group:', mode: 'facilitating' }],
      },
      'spec.topology.interactions[0].with',
      '"group:" is not a valid entity reference',
    ],
    [
      'an interaction with something not a group',
      {
        type: 'enabling',
        interactions: [{ with: 'user:li.wei', mode: 'facilitating' }],
      },
      'spec.topology.interactions[0].with',
      'must refer to a Group, not a user',
    ],
    [
      'an interaction with itself',
      {
        type: 'enabling',
        interactions: [
          { with: 'group:Runtime-Platform', mode: 'collaboration' },
        ],
      },
      'spec.topology.interactions[0].with',
      'a team cannot interact with itself',
    ],
    [
      'an interaction without mode',
      { type: 'enabling', interactions: [{ with: 'a' }] },
      'spec.topology.interactions[0].mode',
      'is required (collaboration, x-as-a-service, facilitating)',
    ],
    [
      'an unknown mode',
      { type: 'enabling', interactions: [{ with: 'a', mode: 'xaas' }] },
      'spec.topology.interactions[0].mode',
      '"xaas" is not an interaction mode (collaboration, x-as-a-service, facilitating)',
    ],
    [
      'an until that is not a date',
      {
        type: 'enabling',
        interactions: [
          { with: 'a', mode: 'facilitating', until: 'next spring' },
        ],
      },
      'spec.topology.interactions[0].until',
      'must be a date written as YYYY-MM-DD, got "next spring"',
    ],
    [
      'an until that is not a calendar day',
      {
        type: 'enabling',
        interactions: [
          { with: 'a', mode: 'facilitating', until: '2027-02-30' },
        ],
      },
      'spec.topology.interactions[0].until',
      'must be a date written as YYYY-MM-DD, got "2027-02-30"',
    ],
    [
      'an unknown field in an interaction',
      {
        type: 'enabling',
        interactions: [
          { with: 'a', mode: 'facilitating', since: '2026-01-01' },
        ],
      },
      'spec.topology.interactions[0].since',
      'unknown field (allowed: with, mode, until)',
    ],
    [
      'an unknown field in the block',
      { type: 'enabling', kind: 'team' },
      'spec.topology.kind',
      'unknown field (allowed: type, disciplines, interactions)',
    ],
  ])('rejects %s', (_, value, path, message) => {
    const result = parseTopology(value, options);
    expect(result.problems).toContainEqual({ path, message });
    expect(result.topology).toBeUndefined();
  });

  it('reports every problem of a block at once', () => {
    const result = parseTopology(
      {
        type: 'squad',
        disciplines: ['qa'],
        interactions: [{ with: 'a', mode: 'pairing', until: 'soon' }],
      },
      options,
    );
    expect(result.problems.map(p => p.path)).toEqual([
      'spec.topology.type',
      'spec.topology.disciplines[0]',
      'spec.topology.interactions[0].mode',
      'spec.topology.interactions[0].until',
    ]);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2026-11-28', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-13-01', false],
    ['2026-1-1', false],
    ['2026-11-28T00:00:00Z', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
