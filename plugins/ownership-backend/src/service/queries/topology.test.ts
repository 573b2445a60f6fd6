import { testIndex } from '../../__fixtures__/catalog';
import { topology } from './topology';

const index = testIndex();
const today = '2026-11-28';

describe('topology', () => {
  it('lists teams with type, disciplines, members and holdings', () => {
    const { teams } = topology(index, today, () => true);
    expect(teams.map(t => t.team.name)).toEqual([
      'broken-team',
      'checkout-team',
      'enablement',
      'payments-team',
      'runtime-platform',
      'sre-core',
    ]);
    const runtime = teams.find(t => t.team.name === 'runtime-platform')!;
    expect(runtime).toEqual({
      team: expect.objectContaining({ teamType: 'platform' }),
      disciplines: ['platform'],
      memberCount: 0,
      owns: [
        {
          role: 'devops',
          title: 'DevOps',
          entities: ['resource:default/checkout-db'],
        },
        { role: 'sre', title: 'SRE', entities: [] },
        {
          role: 'platform',
          title: 'Platform',
          entities: [
            'component:default/checkout-service',
            'resource:default/checkout-db',
          ],
        },
      ],
    });
    expect(teams.find(t => t.team.name === 'enablement')!.memberCount).toBe(1);
  });

  it('compares declared with observed interactions', () => {
    const { declared, observed } = topology(index, today, () => true);
    expect(
      declared.map(
        d =>
          `${d.mode} ${d.from} → ${d.to} stale=${d.stale} observed=${d.observed}`,
      ),
    ).toEqual([
      'facilitating group:default/enablement → group:default/checkout-team stale=true observed=false',
      'collaboration group:default/payments-team → group:default/sre-core stale=false observed=false',
      'x-as-a-service group:default/runtime-platform → group:default/checkout-team stale=false observed=true',
    ]);
    expect(
      observed.map(o => `${o.from} → ${o.to} declared=${o.declared}`),
    ).toEqual([
      'group:default/checkout-team → group:default/runtime-platform declared=true',
      'group:default/checkout-team → group:default/payments-team declared=false',
    ]);
  });

  it('drops evidence, and interactions left without it, the caller may not read', () => {
    const hidden = [
      'component:default/checkout-service',
      'component:default/web',
    ];
    const { observed, declared, teams } = topology(
      index,
      today,
      ref => !hidden.includes(ref),
    );
    expect(observed).toEqual([]);
    expect(declared.every(d => !d.observed)).toBe(true);
    expect(JSON.stringify(teams)).not.toContain('checkout-service');
  });
});
