import { DEFAULT_OWNERSHIP_ROLES, parseOwnershipRoles } from './roles';

describe('parseOwnershipRoles', () => {
  it('defaults to devops, sre and platform', () => {
    expect(parseOwnershipRoles(undefined).map(r => r.id)).toEqual([
      'devops',
      'sre',
      'platform',
    ]);
    expect(parseOwnershipRoles(undefined)).toEqual(DEFAULT_OWNERSHIP_ROLES);
  });

  it('reads configured roles, with the id as default title', () => {
    expect(
      parseOwnershipRoles([
        { id: 'devops', title: 'DevOps', description: 'Ships it' },
        { id: 'security' },
      ]),
    ).toEqual([
      { id: 'devops', title: 'DevOps', description: 'Ships it' },
      { id: 'security', title: 'security' },
    ]);
  });

  it.each([
    ['not a list', { id: 'sre' }, 'ownership.roles: must be a non-empty list'],
    ['an empty list', [], 'ownership.roles: must be a non-empty list'],
    [
      'an item that is not an object',
      ['sre'],
      'ownership.roles[0]: must be an object',
    ],
    [
      'a missing id',
      [{ title: 'SRE' }],
      'ownership.roles[0].id: must be a word',
    ],
    [
      'an id unfit for relation names',
      [{ id: 'data-eng' }],
      'ownership.roles[0].id: must be a word of letters and digits starting with a lower-case letter, got "data-eng"',
    ],
    [
      'a duplicate id',
      [{ id: 'sre' }, { id: 'sre' }],
      'ownership.roles[1].id: "sre" is listed twice',
    ],
    [
      'a title that is not a string',
      [{ id: 'sre', title: 3 }],
      'ownership.roles[0].title: must be a string',
    ],
    [
      'a description that is not a string',
      [{ id: 'sre', description: [] }],
      'ownership.roles[0].description: must be a string',
    ],
    [
      'an unknown field',
      [{ id: 'sre', name: 'SRE' }],
      'ownership.roles[0].name: unknown field (allowed: id, title, description)',
    ],
  ])('rejects %s', (_, value, message) => {
    expect(() => parseOwnershipRoles(value)).toThrow(message);
  });
});
