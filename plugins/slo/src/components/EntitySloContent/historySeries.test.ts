import { historySeries } from './historySeries';

const point = (
  evaluatedAt: string,
  objectives: Array<{
    index?: number;
    remaining?: number;
    displayName?: string;
  }>,
) => ({
  evaluatedAt,
  status: 'healthy' as const,
  objectives: objectives as any,
});

describe('historySeries', () => {
  it('draws every objective, followed by its index across snapshots', () => {
    const { points, lines } = historySeries(
      [
        point('2026-12-01T00:00:00Z', [
          { index: 0, remaining: 0.9 },
          { index: 1, remaining: 0.5 },
        ]),
        // Objective 1 was removed, then came back; 2 was added.
        point('2026-12-02T00:00:00Z', [
          { index: 0, remaining: 0.8 },
          { index: 2, remaining: 0.1, displayName: 'p99 latency' },
        ]),
      ],
      [{ index: 0, displayName: 'availability' }, { index: 1 }, { index: 2 }],
    );
    expect(lines).toEqual([
      { index: 0, key: 'remaining0', name: 'Budget left: availability' },
      { index: 1, key: 'remaining1', name: 'Budget left: Objective 2' },
      { index: 2, key: 'remaining2', name: 'Budget left: p99 latency' },
    ]);
    expect(points).toEqual([
      {
        t: Date.parse('2026-12-01T00:00:00Z'),
        remaining0: 0.9,
        remaining1: 0.5,
      },
      {
        t: Date.parse('2026-12-02T00:00:00Z'),
        remaining0: 0.8,
        remaining2: 0.1,
      },
    ]);
  });

  it('reads snapshots without indices by position, and names one objective plainly', () => {
    const { points, lines } = historySeries(
      [point('2026-12-01T00:00:00Z', [{ remaining: 0.7 }])],
      [{ index: 0 }],
    );
    expect(lines).toEqual([
      { index: 0, key: 'remaining0', name: 'Budget left' },
    ]);
    expect(points[0].remaining0).toBe(0.7);
  });
});
