import { DEFAULT_OWNERSHIP_ROLES } from '@triad/plugin-ownership-common';
import { testIndex } from '../../__fixtures__/catalog';
import { OwnershipIndex } from '../../ownershipIndex/OwnershipIndex';
import { LOOKUP_LIMIT, lookup } from './lookup';

const index = testIndex();
const everything = () => true;

describe('lookup', () => {
  it('ranks exact matches before prefixes, groups before entities', () => {
    const { results } = lookup(index, '  Checkout ', everything);
    expect(
      results.map(r => {
        if (r.type === 'entity') return r.entity.ref;
        return r.type === 'group' ? r.group.ref : r.user.ref;
      }),
    ).toEqual([
      'group:default/checkout-team', // title "Checkout"
      'system:default/checkout',
      'component:default/checkout-service',
      'resource:default/checkout-db',
    ]);
  });

  it('answers who is responsible for a matched entity', () => {
    const [result] = lookup(index, 'payments-gateway', everything).results;
    expect(result.type).toBe('entity');
    expect(
      result.type === 'entity' &&
        result.roles.map(r => [
          r.role,
          r.status,
          r.status === 'covered' ? r.owner.name : undefined,
        ]),
    ).toEqual([
      ['devops', 'covered', 'payments-team'],
      ['sre', 'covered', 'sre-core'],
      ['platform', 'uncovered', undefined],
    ]);
  });

  it('answers what a group and its sub-teams hold', () => {
    const [result] = lookup(index, 'infrastructure', everything).results;
    expect(result).toMatchObject({
      type: 'group',
      group: { ref: 'group:default/infrastructure' },
    });
    const platform =
      result.type === 'group' &&
      result.responsibilities.find(r => r.role === 'platform');
    expect(platform && platform.entities.map(e => e.ref)).toEqual([
      'component:default/checkout-service',
      'resource:default/checkout-db',
    ]);
  });

  it('finds users by display name or email and answers for their teams', () => {
    const byEmail = lookup(index, 'amara@acme', everything).results;
    expect(byEmail).toHaveLength(1);
    const [result] = lookup(index, 'David Levi', everything).results;
    expect(result.type).toBe('user');
    if (result.type !== 'user') return;
    expect(result.teams.map(t => t.name)).toEqual(['enablement', 'sre-core']);
    expect(
      result.responsibilities.map(r => [r.role, r.entities.length]),
    ).toEqual([
      ['devops', 0],
      ['sre', 7],
      ['platform', 0],
    ]);
  });

  it('finds nothing for an unknown term', () => {
    expect(lookup(index, 'zebra', everything)).toEqual({
      query: 'zebra',
      results: [],
      indexedAt: '2026-11-28T10:00:00.000Z',
    });
  });

  it('never returns what the caller may not read', () => {
    const hidden = ['system:default/checkout', 'group:default/sre-core'];
    const { results } = lookup(index, 'checkout', ref => !hidden.includes(ref));
    expect(JSON.stringify(results)).not.toContain('system:default/checkout"');
    expect(results).toHaveLength(3);
    const service = results.find(
      r => r.type === 'entity' && r.entity.name === 'checkout-service',
    );
    expect(service?.type === 'entity' && service.roles[1]).toEqual({
      role: 'sre',
      title: 'SRE',
      status: 'restricted',
    });
  });

  it('asks about the visibility of the best matches only, until the places are filled', () => {
    const many = OwnershipIndex.build(
      Array.from({ length: 500 }, (_, i) => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: `svc-${String(i).padStart(3, '0')}` },
        spec: {},
      })),
      {
        roles: DEFAULT_OWNERSHIP_ROLES.map(r => ({ ...r })),
        indexedAt: new Date('2026-11-28T10:00:00Z'),
      },
    );
    const asked: string[] = [];
    // Every third component is hidden.
    const { results } = lookup(many, 'svc-', ref => {
      asked.push(ref);
      return Number(ref.slice(-3)) % 3 !== 0;
    });
    const names = results.map(r => (r.type === 'entity' ? r.entity.name : ''));
    // The first 20 readable ones in reference order: 001, 002, 004, 005, …
    expect(names).toHaveLength(LOOKUP_LIMIT);
    expect(names.slice(0, 4)).toEqual([
      'svc-001',
      'svc-002',
      'svc-004',
      'svc-005',
    ]);
    expect(names[LOOKUP_LIMIT - 1]).toBe('svc-029');
    // 30 matches looked at (000–029), not 500.
    expect(new Set(asked).size).toBe(30);
  });
});
