import { sleep } from '../lib/children';
import { poll } from '@triad/test-utils';
import { Answer } from '../lib/http';
import { PrivateRedis, startPrivateRedis } from '../lib/privateRedis';
import { ScenarioReport } from '../lib/report';
import { threeHoursOfTraffic } from '../lib/samples';
import { percentile } from '../soak/windows';
import {
  Api,
  describe,
  newBackendSettings,
  Resources,
  startSuiteBackend,
} from '../suite/context';
import { withResources } from '../lib/scenario';

const CLIENTS = 3;
const FAULT_MS = 8_000;
/**
 * The bound on an answer while Redis is gone: the SLO backend waits 500 ms
 * for a cache call, then leaves the cache alone for 5 s; the rest is the
 * ordinary answer time (tens of milliseconds here).
 */
const LATENCY_BOUND_MS = 2_000;
const PATHS = [
  '/api/slo/v1/slos/default/slo-builtin',
  '/api/slo/v1/slos/default/slo-builtin/timeline',
  '/api/slo/v1/entities/component/default/svc-builtin/slos',
  '/api/slo/v1/entities/component/default/svc-builtin/policy',
  '/api/slo/v1/slos',
  '/api/ownership/v1/entities/component/default/svc-builtin',
];

type Phase = 'before' | 'frozen' | 'thawed' | 'stopped' | 'started';

interface Sample {
  phase: Phase;
  path: string;
  status: number;
  ms: number;
  answer: Answer;
}

/**
 * 9. Redis goes away under `backend.cache.store: redis`: a private Redis is
 * frozen (SIGSTOP) for 8 s and thawed, then stopped for 8 s and started
 * empty, while users read SLO and ownership pages.
 */
export const cacheOutage = withResources(run);

async function run(report: ScenarioReport, resources: Resources) {
  const cache = await startOnPrivateRedis(report, resources);
  await checkCachingBefore(cache);
  report.tried(
    `${CLIENTS} users reading ${
      PATHS.length
    } SLO and ownership endpoints back to back; freeze Redis (SIGSTOP) for ${
      FAULT_MS / 1000
    } s, thaw it; then stop it for ${FAULT_MS / 1000} s and start it empty`,
  );
  const clients = Array.from({ length: CLIENTS }, (_, c) => read(cache, c));
  await sleep(2_000);
  await freezeAndThaw(cache);
  const resumedAfterStart = await stopAndStart(cache);
  cache.stopping = true;
  await Promise.all(clients);
  checkAnswers(cache);
  checkLatency(cache);
  // Backstage's Redis client may not reconnect after a full stop
  // (backstage/backstage#31742): measured and reported, not promised.
  report.note(
    resumedAfterStart === undefined
      ? 'after Redis was stopped and started again, the backend wrote no key within 20 s: Backstage’s Redis client did not reconnect (backstage/backstage#31742); answers stay uncached until the backend restarts'
      : `after Redis was stopped and started again, caching resumed: first key ${(
          resumedAfterStart / 1000
        ).toFixed(1)} s after the start`,
  );
}

/** The backend on a private Redis, and what its readers saw in each phase. */
interface Cache {
  report: ScenarioReport;
  redis: PrivateRedis;
  api: Api;
  phase: Phase;
  stopping: boolean;
  samples: Sample[];
}

async function startOnPrivateRedis(
  report: ScenarioReport,
  resources: Resources,
): Promise<Cache> {
  const redis = await startPrivateRedis();
  resources.add(() => redis.destroy());
  const settings = await newBackendSettings(resources, 'cache', {
    redis: {
      url: redis.url,
      namespace: `triad-reliability-cache-${Date.now()}`,
    },
    slo: { evaluation: { cacheTtl: '1m', frequency: '1h' } },
  });
  const api = await startSuiteBackend(resources, 'cache', settings);
  report.note(
    `private Redis ${redis.url}; backend ${api.url} (pid ${api.backend.pid}) with backend.cache.store: redis`,
  );
  return { report, redis, api, phase: 'before', stopping: false, samples: [] };
}

const keys = async (redis: PrivateRedis) =>
  Number((await redis.command('DBSIZE')).slice(1));

/** How long until the backend writes a key again (undefined after 20 s). */
function cachingResumes(redis: PrivateRedis, what: string, since: number) {
  return poll(
    what,
    async () => ((await keys(redis)) > 0 ? Date.now() - since : undefined),
    20_000,
    100,
  ).catch(() => undefined);
}

async function checkCachingBefore({ report, api, redis }: Cache) {
  const pushed = await api.service('/api/slo/v1/samples', {
    json: { samples: threeHoursOfTraffic() },
  });
  report.add('requests');
  const first = await api.user(PATHS[0]);
  report.add('requests');
  const cachedBefore = await keys(redis);
  report.held(
    'the backend caches in Redis before the faults',
    pushed.status === 202 && first.status === 200 && cachedBefore > 0,
    `samples ${pushed.status}, SLO ${first.status}; ${cachedBefore} keys in Redis`,
  );
}

/** One user: reads the endpoints back to back until told to stop. */
async function read(cache: Cache, c: number) {
  for (let i = c; !cache.stopping; i++) {
    const path = PATHS[i % PATHS.length];
    const at = cache.phase;
    const answer = await cache.api.user(path, { timeoutMs: 15_000 });
    cache.report.add('requests');
    cache.samples.push({
      phase: at,
      path,
      status: answer.status,
      ms: answer.ms,
      answer,
    });
  }
}

async function freezeAndThaw(cache: Cache) {
  const { report, redis } = cache;
  cache.phase = 'frozen';
  redis.freeze();
  report.add('faults');
  await sleep(FAULT_MS);
  redis.thaw();
  cache.phase = 'thawed';
  // Empty it, so that keys written from now on show caching resumed.
  await redis.command('FLUSHALL');
  const resumedAfterThaw = await cachingResumes(
    redis,
    'keys in Redis after the thaw',
    Date.now(),
  );
  report.held(
    'caching resumes when Redis thaws',
    resumedAfterThaw !== undefined,
    resumedAfterThaw === undefined
      ? 'no key written within 20 s'
      : `first key written ${(resumedAfterThaw / 1000).toFixed(
          1,
        )} s after the thaw (the back-off is 5 s)`,
  );
}

/** Stops Redis, starts it empty; how long until caching resumed, if it did. */
async function stopAndStart(cache: Cache) {
  const { report, redis } = cache;
  cache.phase = 'stopped';
  await redis.stop();
  report.add('faults');
  await sleep(FAULT_MS);
  await redis.start();
  cache.phase = 'started';
  return cachingResumes(redis, 'keys in Redis after the start', Date.now());
}

function checkAnswers({ report, samples }: Cache) {
  const during = samples.filter(s => s.phase !== 'before');
  const failures = samples.filter(s => s.status !== 200);
  report.add('serverErrors', failures.filter(s => s.status >= 500).length);
  report.add('lost', failures.filter(s => s.status === 0).length);
  report.held(
    'every answer is a 200 while Redis is frozen, stopped and back',
    failures.length === 0,
    `${samples.length} answers (${during.length} after the first fault)${
      failures.length
        ? `; ${failures.length} not 200, e.g. ${failures
            .slice(0, 3)
            .map(s => `${s.phase} ${s.path}: ${describe(s.answer)}`)
            .join('; ')}`
        : ''
    }`,
  );
}

function checkLatency({ report, samples }: Cache) {
  const byPhase = (
    ['before', 'frozen', 'thawed', 'stopped', 'started'] as Phase[]
  )
    .map(p => {
      const ms = samples
        .filter(s => s.phase === p)
        .map(s => s.ms)
        .sort((x, y) => x - y);
      return `${p}: ${ms.length} answers, p50 ${percentile(ms, 50).toFixed(
        0,
      )} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, max ${Math.max(
        ...ms,
      ).toFixed(0)} ms`;
    })
    .join('; ');
  const gone = samples.filter(
    s => s.phase === 'frozen' || s.phase === 'stopped',
  );
  const slowest = Math.max(...gone.map(s => s.ms));
  report.held(
    `answers within ${LATENCY_BOUND_MS / 1000} s while Redis is gone`,
    gone.length > 0 && slowest < LATENCY_BOUND_MS,
    byPhase,
  );
}
