import {
  CartCounters,
  cartMetricsText,
  cartOpenMetrics,
  cartTraffic,
  incidentMinutes,
} from './cartTraffic';

const START = 29_000_000; // a minute since the epoch (2025-02-19)

describe('the example cart traffic', () => {
  it('is steady but for a three-hour incident nine days before start', () => {
    const [from, to] = incidentMinutes(START);
    expect(to - from).toBe(180);
    expect(START - to).toBe(9 * 1440 + 60);
    let total = 0;
    let errors = 0;
    for (let m = START - 28 * 1440; m < START; m++) {
      const t = cartTraffic(m, START);
      expect(t.errors).toBeLessThanOrEqual(t.total);
      expect(t.fast).toBeLessThanOrEqual(t.total);
      total += t.total;
      errors += t.errors;
    }
    // 28 days of about 500 a minute; a 99.9 % objective has about half of
    // its budget left (one failure in six minutes, and the incident).
    expect(total / (28 * 1440)).toBeCloseTo(500, 0);
    const remaining = 1 - errors / total / 0.001;
    expect(remaining).toBeGreaterThan(0.4);
    expect(remaining).toBeLessThan(0.6);
  });

  it('back-fills and serves the same counters, so a scrape continues the series', () => {
    const counters = new CartCounters(START - 10, START);
    const text = cartOpenMetrics(counters, START - 10, START);
    const last = (name: string) =>
      Number(
        text
          .split('\n')
          .filter(l => l.startsWith(name))
          .at(-1)!
          .split(' ')[1],
      );
    const live = counters.at(START);
    expect(
      last(
        'triad_example_cart_requests_total{job="cart-service",instance="cart-service-1",code="200"}',
      ),
    ).toBe(live.ok);
    expect(last('triad_example_cart_request_duration_seconds_count')).toBe(
      live.total,
    );
    expect(text.endsWith('# EOF\n')).toBe(true);
    // A minute later the live counters have grown by that minute's traffic.
    const next = counters.at(START + 1);
    expect(next.total - live.total).toBe(cartTraffic(START, START).total);
    expect(cartMetricsText(next)).toContain(
      `triad_example_cart_requests_total{code="500"} ${next.errors}`,
    );
  });
});
