import { FaultProxy } from '../../lib/faultProxy';
import { Answer } from '../../lib/http';
import { ScenarioReport } from '../../lib/report';
import { Api } from '../../suite/context';

export const CLIENTS = 3;
export const FAULT_MS = 12_000;
/** The proxy holds each catalog request this long while the catalog is slow. */
export const SLOW_MS = 8_000;
/**
 * CatalogMemory waits 3 s for the catalog when it remembers an answer, then
 * leaves it alone for 5 s; a request asks at most a few questions at once,
 * so it answers within the timeout plus the ordinary answer time.
 */
export const LATENCY_BOUND_MS = 4_000;
/** Back-off (5 s) plus a request or two. */
export const RECOVERY_BOUND_MS = 10_000;

/** The pages alice reads: SLO and ownership, entity and fleet-wide. */
export const PAGES = [
  '/api/slo/v1/entities/component/default/svc-builtin/slos',
  '/api/slo/v1/entities/component/default/svc-builtin/policy',
  '/api/slo/v1/slos/default/slo-builtin',
  '/api/slo/v1/slos/default/slo-builtin/history',
  '/api/slo/v1/slos',
  '/api/ownership/v1/entities/component/default/svc-prom',
  '/api/ownership/v1/groups/default/team-platform/responsibilities',
  '/api/ownership/v1/lookup?q=svc',
  '/api/ownership/v1/coverage',
  '/api/ownership/v1/topology',
];
/** Pages of entities the policy hides from alice: never a 200. */
export const HIDDEN_PAGES = [
  '/api/slo/v1/entities/component/default/svc-hidden/slos',
  '/api/slo/v1/slos/default/slo-hidden',
  '/api/ownership/v1/entities/component/default/svc-hidden',
];
/** A page alice never read: its visibility cannot be known from memory. */
export const NEVER_READ = '/api/slo/v1/slos/default/slo-crash';

export type Phase = 'failing' | 'slow';

export interface Sample {
  phase: Phase;
  path: string;
  answer: Answer;
}

/** The backend whose plugins reach the catalog through the proxy, and what its readers saw. */
export interface Catalog {
  report: ScenarioReport;
  api: Api;
  proxy: FaultProxy;
  /** Where the catalog really listens. */
  catalogUrl: string;
  samples: Sample[];
}
