import { testIndex } from '../../__fixtures__/catalog';
import { coverage } from './coverage';

const index = testIndex();
const today = '2026-11-28';

describe('coverage', () => {
  it('measures each role over production components', () => {
    const response = coverage(index, today, () => true);
    expect(
      response.roles.map(r => ({
        role: r.role,
        total: r.total,
        covered: r.covered,
        share: r.share,
        uncovered: r.uncovered.map(e => e.name),
        orphaned: r.orphaned.map(o => `${o.entity.name} → ${o.owner.ref}`),
      })),
    ).toEqual([
      {
        role: 'devops',
        total: 5,
        covered: 5,
        share: 1,
        uncovered: [],
        orphaned: [],
      },
      {
        role: 'sre',
        total: 5,
        covered: 3,
        share: 0.6,
        uncovered: ['web'],
        orphaned: ['cart-service → group:default/checkout-oncall'],
      },
      {
        role: 'platform',
        total: 5,
        covered: 1,
        share: 0.2,
        uncovered: ['cart-service', 'ledger', 'payments-gateway', 'web'],
        orphaned: [],
      },
    ]);
  });

  it('names teams holding several roles and interactions past their end', () => {
    const response = coverage(index, today, () => true);
    expect(response.multiRoleTeams).toEqual([
      {
        team: expect.objectContaining({
          ref: 'group:default/runtime-platform',
        }),
        roles: ['devops', 'platform'],
      },
    ]);
    expect(response.staleInteractions).toEqual([
      {
        mode: 'facilitating',
        from: 'group:default/enablement',
        to: 'group:default/checkout-team',
        until: '2026-03-31',
        declaredBy: ['group:default/enablement'],
        stale: true,
        observed: false,
      },
    ]);
    // The same interaction was current before its end.
    expect(coverage(index, '2026-03-31', () => true).staleInteractions).toEqual(
      [],
    );
  });

  it('counts only what the caller may read', () => {
    const response = coverage(
      index,
      today,
      ref => ref !== 'component:default/checkout-service',
    );
    expect(
      response.roles.map(r => [r.role, r.covered, r.total, r.share]),
    ).toEqual([
      ['devops', 4, 4, 1],
      ['sre', 2, 4, 0.5],
      ['platform', 0, 4, 0],
    ]);
    expect(JSON.stringify(response)).not.toContain('checkout-service');
  });

  it('has no share without production components', () => {
    const response = coverage(
      index,
      today,
      ref => !ref.startsWith('component:'),
    );
    expect(response.roles[0]).toMatchObject({
      total: 0,
      covered: 0,
      share: null,
    });
  });
});
