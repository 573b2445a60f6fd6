/*
 * The traffic of the example cart-service, as Prometheus counters: requests
 * by status code and requests under 300 ms, per minute. History is
 * back-filled with promtool; from the start of the instance the same
 * counters are scraped live, so the series continue without a reset.
 */

const MINUTE = 60_000;

/** Labels of every example series: as Prometheus attaches them when scraping. */
export const CART_LABELS = 'job="cart-service",instance="cart-service-1"';

/** Requests of one minute: all, failed (5xx) and answered within 300 ms. */
export interface MinuteTraffic {
  total: number;
  errors: number;
  fast: number;
}

/**
 * The incident the charts show: three hours, nine days before the instance
 * started, when 4 % of requests failed and 15 % were slow.
 */
export function incidentMinutes(startMinute: number): [number, number] {
  const from = startMinute - 9 * 1440 - 4 * 60;
  return [from, from + 3 * 60];
}

/**
 * Traffic in minute `m` (minutes since the epoch): 350 to 650 requests
 * following the time of day; one failure every six minutes and about 0.6 %
 * slow requests, except during the incident.
 */
export function cartTraffic(m: number, startMinute: number): MinuteTraffic {
  const total =
    500 + Math.round(150 * Math.sin((2 * Math.PI * (m % 1440)) / 1440));
  const [from, to] = incidentMinutes(startMinute);
  if (m >= from && m < to) {
    return {
      total,
      errors: Math.round(total * 0.04),
      fast: total - Math.round(total * 0.15),
    };
  }
  return {
    total,
    errors: m % 6 === 0 ? 1 : 0,
    fast: total - Math.floor(total / 200) - (m % 3 === 0 ? 1 : 0),
  };
}

/** Counter values at the start of minute `m`, counted from `originMinute`. */
export class CartCounters {
  private minute: number;
  private readonly counts = { ok: 0, errors: 0, fast: 0, total: 0 };

  constructor(
    private readonly originMinute: number,
    private readonly startMinute: number,
  ) {
    this.minute = originMinute;
  }

  /** The counters at the start of minute `m` (not before the last asked for). */
  at(m: number) {
    for (; this.minute < m; this.minute++) {
      const t = cartTraffic(this.minute, this.startMinute);
      this.counts.ok += t.total - t.errors;
      this.counts.errors += t.errors;
      this.counts.fast += t.fast;
      this.counts.total += t.total;
    }
    return { ...this.counts };
  }

  get origin(): number {
    return this.originMinute;
  }
}

/** The counters in Prometheus's text exposition format, for a scrape. */
export function cartMetricsText(c: ReturnType<CartCounters['at']>): string {
  return [
    '# TYPE triad_example_cart_requests_total counter',
    `triad_example_cart_requests_total{code="200"} ${c.ok}`,
    `triad_example_cart_requests_total{code="500"} ${c.errors}`,
    // The histogram's bucket and count series, untyped as in the back-fill.
    '# TYPE triad_example_cart_request_duration_seconds_bucket untyped',
    `triad_example_cart_request_duration_seconds_bucket{le="0.3"} ${c.fast}`,
    `triad_example_cart_request_duration_seconds_bucket{le="+Inf"} ${c.total}`,
    '# TYPE triad_example_cart_request_duration_seconds_count untyped',
    `triad_example_cart_request_duration_seconds_count ${c.total}`,
    '',
  ].join('\n');
}

/**
 * OpenMetrics for promtool: a sample of every counter at each minute from
 * `fromMinute` to `toMinute` (inclusive), with the labels a scrape adds.
 */
export function cartOpenMetrics(
  counters: CartCounters,
  fromMinute: number,
  toMinute: number,
): string {
  const series: Record<string, string[]> = {
    ok: [],
    errors: [],
    fast: [],
    inf: [],
    count: [],
  };
  for (let m = fromMinute; m <= toMinute; m++) {
    const c = counters.at(m);
    const ts = (m * MINUTE) / 1000;
    series.ok.push(
      `triad_example_cart_requests_total{${CART_LABELS},code="200"} ${c.ok} ${ts}`,
    );
    series.errors.push(
      `triad_example_cart_requests_total{${CART_LABELS},code="500"} ${c.errors} ${ts}`,
    );
    series.fast.push(
      `triad_example_cart_request_duration_seconds_bucket{${CART_LABELS},le="0.3"} ${c.fast} ${ts}`,
    );
    series.inf.push(
      `triad_example_cart_request_duration_seconds_bucket{${CART_LABELS},le="+Inf"} ${c.total} ${ts}`,
    );
    series.count.push(
      `triad_example_cart_request_duration_seconds_count{${CART_LABELS}} ${c.total} ${ts}`,
    );
  }
  return [
    '# TYPE triad_example_cart_requests counter',
    ...series.ok,
    ...series.errors,
    // A histogram's series, as plain families: OpenMetrics would want every
    // bucket of a point together.
    '# TYPE triad_example_cart_request_duration_seconds_bucket unknown',
    ...series.fast,
    ...series.inf,
    '# TYPE triad_example_cart_request_duration_seconds_count unknown',
    ...series.count,
    '# EOF',
    '',
  ].join('\n');
}
