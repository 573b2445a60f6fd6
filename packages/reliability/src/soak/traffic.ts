import { sleep } from '../lib/children';
import { Answer, call } from '../lib/http';
import { describe } from '../suite/context';
import { ExampleCatalog } from './exampleConfig';
import { RequestSample } from './windows';
import { MINUTE } from '../lib/scenario';

/** How often each kind of traffic comes; every loop waits for its answers, so at most one of each is in flight. */
export const PERIOD_MS = {
  page: 1_000,
  slo: 3_000,
  fleet: 5_000,
  lookup: 2_000,
  push: 2_000,
};
/** Minutes each push re-sends, as an exporter does for the minutes it is not sure were received. */
export const PUSH_MINUTES = 5;
const LOOKUP_TERMS = ['checkout', 'payments', 'sre', 'catalog', 'platform'];
/** A user token is refreshed as the browser does, well before its hour is up. */
const USER_TOKEN_MS = 15 * MINUTE;

/** Synthetic per-minute counts of one series: 0.2 % errors, one bad minute an hour. */
export function sample(series: string, minute: number) {
  const total = 1000 + (minute % 37);
  const bad = minute % 60 === 17 ? 40 : 2;
  return { series, timestamp: minute * MINUTE, good: total - bad, total };
}

/** Calls on the soak's backend, with a generous timeout. */
export type SoakCall = (
  path: string,
  options?: Parameters<typeof call>[1],
) => Promise<Answer>;

/** What the traffic sent and how each request went. */
export interface Traffic {
  start: number;
  requests: RequestSample[];
  /** The first few failures, described. */
  failures: string[];
}

/**
 * The soak's mixed traffic until `durationMs` has passed: entity and SLO
 * pages, the fleet list and lookups as a signed-in user, pushes with the
 * service token.
 */
export async function runTraffic(options: {
  api: SoakCall;
  token: string;
  example: ExampleCatalog;
  durationMs: number;
}): Promise<Traffic> {
  const { api, token, example } = options;
  const requests: RequestSample[] = [];
  const failures: string[] = [];
  const record = (kind: string, answer: Answer, ok: boolean) => {
    requests.push({ at: Date.now(), kind, ms: answer.ms, ok });
    if (!ok && failures.length < 10) {
      failures.push(`${kind}: ${describe(answer)}`);
    }
  };
  const user = userSession(api, record);
  const get = async (kind: string, path: string) => {
    const a = await api(path, { token: await user() });
    record(kind, a, a.status === 200 && typeof a.body === 'object');
  };
  const start = Date.now();
  const every = repeatUntil(start + options.durationMs);
  const pick = <T>(items: T[], i: number) => items[i % items.length];
  await Promise.all([
    every(PERIOD_MS.page, async i => {
      const ref = `component/default/${pick(example.components, i)}`;
      await Promise.all([
        get('entity SLOs', `/api/slo/v1/entities/${ref}/slos`),
        get('entity policy', `/api/slo/v1/entities/${ref}/policy`),
        get('entity ownership', `/api/ownership/v1/entities/${ref}`),
      ]);
    }),
    every(PERIOD_MS.slo, async i => {
      const slo = `/api/slo/v1/slos/default/${pick(example.slos, i)}`;
      await Promise.all([
        get('SLO', slo),
        get('SLO history', `${slo}/history`),
        get('SLO timeline', `${slo}/timeline`),
      ]);
    }),
    every(PERIOD_MS.fleet, () => get('fleet', '/api/slo/v1/slos')),
    every(PERIOD_MS.lookup, i =>
      get('lookup', `/api/ownership/v1/lookup?q=${pick(LOOKUP_TERMS, i)}`),
    ),
    every(PERIOD_MS.push, async () => {
      const last = Math.floor(Date.now() / MINUTE);
      const samples = example.series.flatMap(s =>
        Array.from({ length: PUSH_MINUTES }, (_, k) => sample(s, last - k)),
      );
      const a = await api('/api/slo/v1/samples', {
        token,
        json: { samples },
      });
      record(
        'push',
        a,
        a.status === 202 && a.body?.accepted === samples.length,
      );
    }),
  ]);
  return { start, requests, failures };
}

/** The user's token, signed in again as the browser does. */
function userSession(
  api: SoakCall,
  record: (kind: string, answer: Answer, ok: boolean) => void,
) {
  let userToken = '';
  let userTokenAt = 0;
  return async () => {
    if (Date.now() - userTokenAt > USER_TOKEN_MS) {
      const a = await api('/api/auth/guest/refresh?env=development', {
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      const token = a.body?.backstageIdentity?.token;
      record('sign-in', a, a.status === 200 && typeof token === 'string');
      if (typeof token === 'string') {
        userToken = token;
        userTokenAt = Date.now();
      }
    }
    return userToken;
  };
}

/** Runs `tick` every `periodMs` until `end`; a late tick is not made up for. */
function repeatUntil(end: number) {
  return async (periodMs: number, tick: (i: number) => Promise<void>) => {
    for (let i = 0, next = Date.now(); next < end; i++) {
      await tick(i);
      next = Math.max(next + periodMs, Date.now());
      if (next < end) await sleep(next - Date.now());
    }
  };
}
