import { ScenarioReport } from '../lib/report';
import { cacheOutage } from '../scenarios/cacheOutage';
import { catalogOutage } from '../scenarios/catalogOutage';
import { clockSkew } from '../scenarios/clockSkew';
import { crashDuringIngest } from '../scenarios/crashDuringIngest';
import { databaseRestart } from '../scenarios/databaseRestart';
import { hostileInput } from '../scenarios/hostileInput';
import { permissions } from '../scenarios/permissions';
import { slowSource } from '../scenarios/slowSource';
import { sourceOutage } from '../scenarios/sourceOutage';
import { twoReplicas } from '../scenarios/twoReplicas';
import { workspaceSafety } from '../scenarios/workspaceSafety';
import { soak } from '../soak/soak';
import { MainSetup } from './context';

export interface Scenario {
  id: string;
  title: string;
  /** Needs the shared backend with Prometheus. */
  main?: boolean;
  timeoutMs: number;
  run(report: ScenarioReport, shared?: MainSetup): Promise<void>;
}

export const SCENARIOS: Scenario[] = [
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
export function soakScenario(minutes: number): Scenario {
  return {
    id: 'soak',
    title: `10. Soak: ${minutes} minutes of mixed traffic (PostgreSQL, example catalog)`,
    // Start-up, history and the final checks on top of the traffic.
    timeoutMs: (minutes + 10) * 60_000,
    run: report => soak(report, minutes),
  };
}
