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
import { firstScheduledRun, startMain } from './suite/mainSetup';
import { MainSetup, Resources } from './suite/context';
import { Scenario, SCENARIOS, soakScenario } from './suite/scenarios';

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

/** The scenarios the command line asks for; exits when it asks for none or is wrong. */
function selectScenarios(args: string[]): Scenario[] {
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
  return selected;
}

/** The shared backend, started when the first scenario needs it (and only tried once). */
class SharedMain {
  readonly resources = new Resources();
  setup?: MainSetup;
  private error?: Error;

  async get(): Promise<MainSetup> {
    if (this.setup) return this.setup;
    if (this.error) throw this.error;
    try {
      this.setup = await startMain(this.resources);
      return this.setup;
    } catch (error) {
      this.error = error as Error;
      throw error;
    }
  }
}

/** Runs one scenario within its time limit; whatever goes wrong becomes a failed check. */
async function runScenario(scenario: Scenario, shared: SharedMain) {
  write();
  write(`=== ${scenario.title}`);
  const report = new ScenarioReport(scenario.id, scenario.title);
  const t0 = Date.now();
  try {
    const mainSetup = scenario.main ? await shared.get() : shared.setup;
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
  if (shared.setup && !shared.setup.api.backend.alive()) {
    report.held('the shared backend is still running', false);
  }
  const ms = Date.now() - t0;
  write(`  (${(ms / 1000).toFixed(1)} s)`);
  return { report, ms };
}

function writeSummary(
  reports: Array<{ report: ScenarioReport; ms: number }>,
  started: number,
) {
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
  return failed;
}

async function main() {
  const selected = selectScenarios(process.argv.slice(2));
  const started = Date.now();
  const reports: Array<{ report: ScenarioReport; ms: number }> = [];
  const shared = new SharedMain();
  try {
    for (const scenario of selected) {
      reports.push(await runScenario(scenario, shared));
    }
  } finally {
    if (shared.setup) {
      const errors = shared.setup.api.backend.logs.filter(
        l => l.level === 'error',
      );
      write();
      write(
        `shared backend: ${errors.length} error log lines${
          errors.length ? `, e.g. ${errors[0].message}` : ''
        }`,
      );
    }
    await shared.resources.releaseAll();
  }
  const failed = writeSummary(reports, started);
  killAll();
  process.exit(failed ? 1 : 0);
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  killAll();
  process.exit(1);
});
