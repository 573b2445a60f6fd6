import { DEFAULT_OWNERSHIP_ROLES } from './roles';
import { parseResponsibilities } from './parseResponsibilities';

const options = { roles: DEFAULT_OWNERSHIP_ROLES, namespace: 'payments' };

describe('parseResponsibilities', () => {
  it('completes references: kind group, namespace of the entity', () => {
    expect(
      parseResponsibilities(
        [
          { role: 'sre', ref: 'sre-core' },
          { role: 'platform', ref: 'group:default/Runtime-Platform' },
          { role: 'devops', ref: 'user:amara.okafor' },
        ],
        options,
      ),
    ).toEqual({
      responsibilities: [
        { role: 'sre', ref: 'group:payments/sre-core' },
        { role: 'platform', ref: 'group:default/runtime-platform' },
        { role: 'devops', ref: 'user:payments/amara.okafor' },
      ],
      problems: [],
    });
  });

  it('accepts a missing block', () => {
    expect(parseResponsibilities(undefined, options)).toEqual({
      responsibilities: [],
      problems: [],
    });
  });

  it.each([
    [
      'not a list',
      { role: 'sre' },
      'spec.responsibilities',
      'must be a list of {role, ref}, got an object',
    ],
    [
      'an entry that is not an object',
      ['group:sre-core'],
      'spec.responsibilities[0]',
      'must be an object with role and ref, got "group:sre-core"',
    ],
    [
      'a missing role',
      [{ ref: 'sre-core' }],
      'spec.responsibilities[0].role',
      'is required',
    ],
    [
      'a role that is not configured',
      [
        { role: 'sre', ref: 'a' },
        { role: 'qa', ref: 'b' },
      ],
      'spec.responsibilities[1].role',
      '"qa" is not a configured role (devops, sre, platform)',
    ],
    [
      'a role that is not a string',
      [{ role: 1, ref: 'a' }],
      'spec.responsibilities[0].role',
      '1 is not a configured role (devops, sre, platform)',
    ],
    [
      'a role given twice',
      [
        { role: 'sre', ref: 'a' },
        { role: 'sre', ref: 'b' },
      ],
      'spec.responsibilities[1].role',
      '"sre" is already assigned in spec.responsibilities[0]',
    ],
    [
      'a missing ref',
      [{ role: 'sre' }],
      'spec.responsibilities[0].ref',
      'is required',
    ],
    [
      'a ref that is not a string',
      [{ role: 'sre', ref: { name: 'x' } }],
      'spec.responsibilities[0].ref',
      'must be an entity reference such as group:sre-core',
    ],
    [
      'a malformed ref',
      [{ role: 'sre', ref: 'group:a:b' }],
      'spec.responsibilities[0].ref',
      '"group:a:b" is not a valid entity reference',
    ],
    [
      'a ref with an invalid name',
      [{ role: 'sre', ref: 'sre core' }],
      'spec.responsibilities[0].ref',
      '"sre core" is not a valid entity reference',
    ],
    [
      'a ref to a kind that cannot own',
      [{ role: 'sre', ref: 'component:checkout' }],
      'spec.responsibilities[0].ref',
      'must refer to a Group or a User, not a component',
    ],
    [
      'an unknown field',
      [{ role: 'sre', ref: 'a', team: 'b' }],
      'spec.responsibilities[0].team',
      'unknown field (allowed: role, ref)',
    ],
  ])('rejects %s', (_, value, path, message) => {
    const result = parseResponsibilities(value, options);
    expect(result.problems).toContainEqual({ path, message });
  });

  it('keeps the valid entries next to invalid ones and reports each problem', () => {
    const result = parseResponsibilities(
      [
        { role: 'sre', ref: 'sre-core' },
        { role: 'qa', ref: 'component:x' },
      ],
      options,
    );
    expect(result.responsibilities).toEqual([
      { role: 'sre', ref: 'group:payments/sre-core' },
    ]);
    expect(result.problems.map(p => p.path)).toEqual([
      'spec.responsibilities[1].role',
      'spec.responsibilities[1].ref',
    ]);
  });
});
