/*
 * The reliability and security suite. Starts real PostgreSQL-backed Backstage
 * backends (child processes), a real Prometheus and a fault proxy on loopback,
 * injects faults and hostile input, and prints what it tried and what held.
 * Exits non-zero when anything did not hold.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs packages/reliability/src/run.ts [--only id,id]
 *   node … run.ts --soak [--minutes N]   # the soak alone (60 minutes by default), never part of the default run
 *
 * (scripts/test-reliability.sh does this after setting up the toolchain.)
 */
import { killAll } from './lib/children';
import { Figure, FIGURE_TITLES, ScenarioReport } from './lib/report';
import { cacheOutage } from './scenarios/cacheOutage';
import { catalogOutage } from './scenarios/catalogOutage';
import { clockSkew } from './scenarios/clockSkew';
import { crashDuringIngest } from './scenarios/crashDuringIngest';
import { databaseRestart } from './scenarios/databaseRestart';
import { hostileInput } from './scenarios/hostileInput';
import { permissions } from './scenarios/permissions';
import { slowSource } from './scenarios/slowSource';
import { sourceOutage } from './scenarios/sourceOutage';
import { twoReplicas } from './scenarios/twoReplicas';
import { workspaceSafety } from './scenarios/workspaceSafety';
import { soak } from './soak/soak';
import {
  MainSetup,
  newBackendSettings,
  redisSettings,
  Resources,
  startPrometheusSetup,
  startSuiteBackend,
} from './suite/context';
import { SOURCE_TIMEOUT_MS } from './scenarios/sourceOutage';
import { poll } from '@triad/test-utils';

interface Scenario {
  id: string;
  title: string;
  /** Needs the shared backend with Prometheus. */
  main?: boolean;
  timeoutMs: number;
  run(report: ScenarioReport, shared?: MainSetup): Promise<void>;
}

const SCENARIOS: Scenario[] = [
  {
    id: 'workspace',
    title: '7. Workspace safety of the scaffolder actions',
    timeoutMs: 60_000,
    run: report => workspaceSafety(report),
  },
  {
    id: 'hostile',
    title: '5. Hostile input',
    main: true,
    timeoutMs: 120_000,
    run: (report, shared) => hostileInput(shared!, report),
  },
  {
    id: 'permissions',
    title: '6. Permissions',
    main: true,
    timeoutMs: 60_000,
    run: (report, shared) => permissions(shared!, report),
  },
  {
    id: 'outage',
    title: '1. Source outage',
    main: true,
    timeoutMs: 90_000,
    run: (report, shared) => sourceOutage(shared!, report),
  },
  {
    id: 'slow',
    title: '2. Slow source',
    main: true,
    timeoutMs: 90_000,
    run: (report, shared) => slowSource(shared!, report),
  },
  {
    id: 'crash',
    title: '3. Crash during ingest (PostgreSQL)',
    timeoutMs: 150_000,
    run: report => crashDuringIngest(report),
  },
  {
    id: 'replicas',
    title: '4. Two replicas, one PostgreSQL, one Redis',
    timeoutMs: 150_000,
    run: report => twoReplicas(report),
  },
  {
    id: 'database',
    title: '8. PostgreSQL restarts during ingest and scheduled runs',
    timeoutMs: 150_000,
    run: report => databaseRestart(report),
  },
  {
    id: 'cache',
    title: '9. Redis frozen and stopped under the cache',
    timeoutMs: 150_000,
    run: report => cacheOutage(report),
  },
  {
    id: 'catalog',
    title:
      '10. The catalog failing and slow for the SLO and ownership backends',
    timeoutMs: 150_000,
    run: report => catalogOutage(report),
  },
  {
    id: 'skew',
    title: '11. Clock skew: a replica 3 minutes ahead',
    timeoutMs: 300_000,
    run: report => clockSkew(report),
  },
];

/** The soak, only with --soak: it takes an hour by default. */
function soakScenario(minutes: number): Scenario {
  return {
    id: 'soak',
    title: `10. Soak: ${minutes} minutes of mixed traffic (PostgreSQL, example catalog)`,
    // Start-up, history and the final checks on top of the traffic.
    timeoutMs: (minutes + 10) * 60_000,
    run: report => soak(report, minutes),
  };
}

const write = (line = '') => process.stdout.write(`${line}\n`);

function withTimeout<T>(promise: Promise<T>, ms: number, what: string) {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${what} took longer than ${ms / 1000} s`)),
        ms,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Starts the shared backend: PostgreSQL, Redis cache, Prometheus behind the proxy. */
async function startMain(resources: Resources): Promise<MainSetup> {
  const prom = await startPrometheusSetup(resources);
  write(
    `  Prometheus ${prom.prometheus.url} over 4 days of back-filled data (${(
      prom.prometheus.startupMs / 1000
    ).toFixed(1)} s), proxy ${prom.proxy.url}`,
  );
  const settings = await newBackendSettings(resources, 'main', {
    prometheusUrl: prom.proxy.url,
    redis: redisSettings(`triad-reliability-${Date.now()}`),
    slo: {
      evaluation: {
        cacheTtl: '1s',
        timeout: `${SOURCE_TIMEOUT_MS / 1000}s`,
        frequency: '1h',
      },
    },
  });
  const api = await startSuiteBackend(resources, 'main', settings);
  write(
    `  backend ${api.url} (pid ${api.backend.pid}) ready in ${(
      api.backend.startupMs / 1000
    ).toFixed(1)} s; databases ${settings.databasePrefix}*`,
  );
  return { api, prom };
}

/**
 * The scheduled evaluation runs right after start, and again as soon as SLOs
 * come into the catalog after that; the outage and slow scenarios wait until
 * one has evaluated every SLO of the fixture, so that none counts among their
 * requests.
 */
async function firstScheduledRun(setup: MainSetup) {
  const catalog = await setup.api.service(
    '/api/catalog/entities/by-query?filter=kind=slo&limit=1',
  );
  const total = Number(catalog.body?.totalItems);
  return poll(
    `a scheduled evaluation of all ${total} SLOs`,
    async () =>
      setup.api.backend
        .grep(/^Evaluated \d+ SLOs/)
        .some(l => Number(/^Evaluated (\d+)/.exec(l.message)?.[1]) === total)
        ? true
        : undefined,
    60_000,
    500,
  );
}

async function main() {
  const args = process.argv.slice(2);
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex >= 0 ? args[onlyIndex + 1]?.split(',') : undefined;
  const minutesIndex = args.indexOf('--minutes');
  const minutes = minutesIndex >= 0 ? Number(args[minutesIndex + 1]) : 60;
  if (!(minutes >= 1) || (minutesIndex >= 0 && !args.includes('--soak'))) {
    write('--minutes: give a number of minutes, at least 1, with --soak');
    process.exit(2);
  }
  const selected = args.includes('--soak')
    ? [soakScenario(minutes)]
    : SCENARIOS.filter(s => !only || only.includes(s.id));
  if (!selected.length) {
    write(
      `no scenario matches; ids: ${SCENARIOS.map(s => s.id).join(
        ', ',
      )} (the soak runs alone, with --soak)`,
    );
    process.exit(2);
  }

  const started = Date.now();
  const reports: Array<{ report: ScenarioReport; ms: number }> = [];
  const mainResources = new Resources();
  let mainSetup: MainSetup | undefined;
  let mainError: Error | undefined;
  try {
    for (const scenario of selected) {
      write();
      write(`=== ${scenario.title}`);
      const report = new ScenarioReport(scenario.id, scenario.title);
      const t0 = Date.now();
      try {
        if (scenario.main && !mainSetup) {
          if (mainError) throw mainError;
          try {
            mainSetup = await startMain(mainResources);
          } catch (error) {
            mainError = error as Error;
            throw error;
          }
        }
        if (scenario.main && scenario.id === 'outage') {
          await firstScheduledRun(mainSetup!);
        }
        await withTimeout(
          scenario.run(report, mainSetup),
          scenario.timeoutMs,
          scenario.title,
        );
      } catch (error) {
        report.held(
          'the scenario ran to the end',
          false,
          (error as Error).stack ?? String(error),
        );
      }
      if (mainSetup && !mainSetup.api.backend.alive()) {
        report.held('the shared backend is still running', false);
      }
      const ms = Date.now() - t0;
      write(`  (${(ms / 1000).toFixed(1)} s)`);
      reports.push({ report, ms });
    }
  } finally {
    if (mainSetup) {
      const errors = mainSetup.api.backend.logs.filter(
        l => l.level === 'error',
      );
      write();
      write(
        `shared backend: ${errors.length} error log lines${
          errors.length ? `, e.g. ${errors[0].message}` : ''
        }`,
      );
    }
    await mainResources.releaseAll();
  }

  write();
  write('=== Summary');
  const totals: Partial<Record<Figure, number>> = {};
  for (const { report, ms } of reports) {
    const held = report.checks.filter(c => c.held).length;
    const figures = Object.entries(report.figures)
      .map(([k, v]) => {
        totals[k as Figure] = (totals[k as Figure] ?? 0) + v;
        return `${v} ${FIGURE_TITLES[k as Figure]}`;
      })
      .join(', ');
    write(
      `${report.failed ? '✘' : '✔'} ${report.title}: ${held}/${
        report.checks.length
      } held (${(ms / 1000).toFixed(1)} s)${figures ? `; ${figures}` : ''}`,
    );
  }
  const failed = reports.reduce((n, r) => n + r.report.failed, 0);
  const checks = reports.reduce((n, r) => n + r.report.checks.length, 0);
  write();
  write(
    `Totals: ${checks - failed}/${checks} checks held; ${(
      Object.keys(FIGURE_TITLES) as Figure[]
    )
      .map(k => `${totals[k] ?? 0} ${FIGURE_TITLES[k]}`)
      .join(', ')}; ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  killAll();
  process.exit(failed ? 1 : 0);
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  killAll();
  process.exit(1);
});
