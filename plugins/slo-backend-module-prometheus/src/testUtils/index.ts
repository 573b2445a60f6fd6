/**
 * Test helpers, shared with other packages' integration tests (e.g. the
 * reliability suite in packages/reliability): a real Prometheus started over
 * back-filled data (also what the example backend runs), the known data set, and a free loopback port.
 *
 * @packageDocumentation
 */

export { launchPrometheus } from './launchPrometheus';
export type {
  LaunchedPrometheus,
  LaunchPrometheusOptions,
} from './launchPrometheus';
export { startPrometheus } from './startPrometheus';
export type {
  RunningPrometheus,
  StartPrometheusOptions,
} from './startPrometheus';
export { RESTART_FROM_END, syntheticData } from './syntheticData';
export type { MinuteCounts, Service, SyntheticData } from './syntheticData';
export { freePort } from './freePort';
