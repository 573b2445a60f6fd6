import { SloResult } from '@triad/plugin-slo-common';
import { rollUp } from './rollUp';

const slo = (
  name: string,
  owner: string | undefined,
  status: SloResult['status'],
  remaining?: number[],
) =>
  ({
    name,
    ownerRef: owner,
    status,
    objectives: (remaining ?? [undefined]).map(r => ({
      budget: { remaining: r },
    })),
  } as unknown as SloResult);

describe('rollUp', () => {
  it('counts statuses per key and finds the SLO with the least budget', () => {
    const rows = rollUp(
      [
        slo('a', 'group:default/x', 'healthy', [0.9]),
        slo('b', 'group:default/x', 'breached', [0.5, -0.2]),
        slo('c', 'group:default/y', 'no-data'),
        slo('d', 'group:default/y', 'warning', [0.1]),
        slo('e', undefined, 'healthy', [0.95]),
      ],
      s => s.ownerRef,
    );
    expect(rows.map(r => [r.key, r.total, r.counts, r.worst?.name])).toEqual([
      [
        'group:default/x',
        2,
        { healthy: 1, warning: 0, breached: 1, 'no-data': 0 },
        'b',
      ],
      [
        'group:default/y',
        2,
        { healthy: 0, warning: 1, breached: 0, 'no-data': 1 },
        'd',
      ],
      ['(none)', 1, { healthy: 1, warning: 0, breached: 0, 'no-data': 0 }, 'e'],
    ]);
  });
});
