import { mockServices } from '@backstage/backend-test-utils';
import { OwnershipApi } from '@triad/plugin-ownership-common';
import { dependencyHolders } from './dependencyHolders';

const owner = (ref: string) => ({ ref, title: ref } as any);

describe('dependencyHolders', () => {
  const deps = (getEntityOwnership: jest.Mock) => ({
    ownership: { getEntityOwnership } as unknown as OwnershipApi,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });

  it('names the covered SRE and platform holders only', async () => {
    const get = jest.fn().mockResolvedValue({
      roles: [
        { role: 'sre', status: 'covered', owner: owner('group:default/sre') },
        { role: 'devops', status: 'covered', owner: owner('group:default/d') },
        { role: 'platform', status: 'uncovered', searched: [] },
      ],
    });
    const holders = await dependencyHolders(deps(get), ['resource:default/db']);
    expect(holders.get('resource:default/db')).toEqual([
      { role: 'sre', ref: 'group:default/sre' },
    ]);
    expect(get).toHaveBeenCalledWith('resource:default/db', {
      token: expect.any(String),
    });
  });

  it('leaves out the holders of an entity the ownership backend cannot answer for', async () => {
    const get = jest
      .fn()
      .mockRejectedValueOnce(new Error('404 no ownership plugin'))
      .mockResolvedValueOnce({ roles: [] });
    const holders = await dependencyHolders(deps(get), ['a', 'b']);
    expect(holders.has('a')).toBe(false);
    expect(holders.get('b')).toEqual([]);
  });
});
