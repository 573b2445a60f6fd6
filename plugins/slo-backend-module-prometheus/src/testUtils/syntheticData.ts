const MINUTE = 60_000;
/** Minutes before the last sample where `restart`'s counters start from 0. */
export const RESTART_FROM_END = 5000;

/** Services of the synthetic data set. */
export type Service = 'steady' | 'burst' | 'sparse' | 'idle' | 'restart';

export interface MinuteCounts {
  total: number;
  errors: number;
}

/**
 * Known per-minute data, in OpenMetrics for `promtool` and as plain numbers
 * for working out expected values by hand:
 *
 * - `steady`: 1000 requests a minute, exactly 1 an error (0.1 %);
 * - `burst`: the same, but 100 errors a minute (10 %) in the last hour;
 * - `sparse`: 100 requests in every tenth minute only, half of them errors
 *   in every hundredth minute;
 * - `idle`: counters that exist but never move (no traffic);
 * - `restart`: 500 requests a minute, 2 of them errors, but 50 errors a
 *   minute for the two hours before the process restarts, 5,000 minutes
 *   before the end: its counters start again from 0 there (a counter reset).
 *
 * Counters `triad_requests_total{service, code="200"|"500"}` are sampled at
 * each minute boundary; the gauge `triad_latency_seconds{service="steady"}`
 * 30 s before each boundary: 0.2, or 0.5 in the minute ending at :07 of every
 * hour.
 */
export interface SyntheticData {
  /** Minute boundaries (ms), oldest first: the sample times of the counters. */
  minutes: number[];
  /** Requests in the minute ending at `minutes[i]`, per service. */
  counts: Record<Service, MinuteCounts[]>;
  /** Latency sampled 30 s before `minutes[i]`. */
  latency: number[];
  lastSampleMs: number;
  openMetrics: string;
}

function countsAt(
  service: Service,
  minuteOfEpoch: number,
  fromEnd: number,
): MinuteCounts {
  switch (service) {
    case 'steady':
      return { total: 1000, errors: 1 };
    case 'burst':
      return { total: 1000, errors: fromEnd < 60 ? 100 : 1 };
    case 'sparse':
      if (minuteOfEpoch % 10 !== 0) return { total: 0, errors: 0 };
      return { total: 100, errors: minuteOfEpoch % 100 === 0 ? 50 : 0 };
    case 'restart':
      return {
        total: 500,
        errors:
          fromEnd > RESTART_FROM_END && fromEnd <= RESTART_FROM_END + 120
            ? 50
            : 2,
      };
    default:
      return { total: 0, errors: 0 };
  }
}

/** Data for `days` days of minutes, the last sample at `endMs` (a minute boundary). */
export function syntheticData(endMs: number, days: number): SyntheticData {
  if (endMs % MINUTE !== 0) throw new Error('endMs must be a minute boundary');
  const n = (days * 24 * 60) | 0;
  const minutes = Array.from(
    { length: n },
    (_, i) => endMs - (n - 1 - i) * MINUTE,
  );
  const services: Service[] = ['steady', 'burst', 'sparse', 'idle', 'restart'];
  const counts = {} as Record<Service, MinuteCounts[]>;
  const lines = ['# TYPE triad_requests counter'];
  for (const service of services) {
    counts[service] = minutes.map((t, i) =>
      countsAt(service, t / MINUTE, n - 1 - i),
    );
    for (const code of ['200', '500']) {
      let value = 0;
      counts[service].forEach((c, i) => {
        if (service === 'restart' && n - 1 - i === RESTART_FROM_END) value = 0;
        value += code === '500' ? c.errors : c.total - c.errors;
        lines.push(
          `triad_requests_total{service="${service}",code="${code}"} ${value} ${
            minutes[i] / 1000
          }`,
        );
      });
    }
  }
  const latency = minutes.map(t => ((t / MINUTE) % 60 === 7 ? 0.5 : 0.2));
  lines.push('# TYPE triad_latency_seconds gauge');
  minutes.forEach((t, i) =>
    lines.push(
      `triad_latency_seconds{service="steady"} ${latency[i]} ${
        (t - 30_000) / 1000
      }`,
    ),
  );
  lines.push('# EOF', '');
  return {
    minutes,
    counts,
    latency,
    lastSampleMs: endMs,
    openMetrics: lines.join('\n'),
  };
}
