import { countByStatus, rollUpFleet } from './rollUpFleet';

describe('rollUpFleet', () => {
  const entries = [
    {
      ref: 'slo:a1',
      owner: 'group:a',
      status: 'healthy' as const,
      remaining: 0.8,
    },
    {
      ref: 'slo:a2',
      owner: 'group:a',
      status: 'warning' as const,
      remaining: 0.2,
    },
    {
      ref: 'slo:b1',
      owner: 'group:b',
      status: 'breached' as const,
      remaining: -0.1,
    },
    { ref: 'slo:b2', owner: 'group:b', status: 'no-data' as const },
    { ref: 'slo:c1', owner: 'group:c', status: 'no-data' as const },
    {
      ref: 'slo:n1',
      owner: undefined,
      status: 'healthy' as const,
      remaining: 0.5,
    },
  ];

  it('counts each group by status and names its worst SLO, worst groups first', () => {
    const rows = rollUpFleet(
      entries,
      e => e.owner,
      e => `title ${e.ref}`,
    );
    expect(rows).toEqual([
      {
        key: 'group:b',
        total: 2,
        counts: { healthy: 0, warning: 0, breached: 1, 'no-data': 1 },
        worst: { ref: 'slo:b1', title: 'title slo:b1', remaining: -0.1 },
      },
      {
        key: 'group:a',
        total: 2,
        counts: { healthy: 1, warning: 1, breached: 0, 'no-data': 0 },
        worst: { ref: 'slo:a2', title: 'title slo:a2', remaining: 0.2 },
      },
      {
        key: '(none)',
        total: 1,
        counts: { healthy: 1, warning: 0, breached: 0, 'no-data': 0 },
        worst: { ref: 'slo:n1', title: 'title slo:n1', remaining: 0.5 },
      },
      {
        key: 'group:c',
        total: 1,
        counts: { healthy: 0, warning: 0, breached: 0, 'no-data': 1 },
      },
    ]);
  });

  it('counts every status, zero when none', () => {
    expect(countByStatus([])).toEqual({
      healthy: 0,
      warning: 0,
      breached: 0,
      'no-data': 0,
    });
    expect(countByStatus(entries)).toEqual({
      healthy: 2,
      warning: 1,
      breached: 1,
      'no-data': 2,
    });
  });
});
