/*
 * Prometheus rules from OpenSLO documents, shared by the scaffolder action
 * slo:prometheus:rules and the triad-slo CLI, and the PromQL of an SLI that
 * they share with the Prometheus data source.
 */
export * from './readOpenSloFiles';
export {
  SliQueryError,
  eventCountQuery,
  fillWindowPlaceholder,
  overTime,
  promDuration,
  successRatioQuery,
  valueOverQuery,
} from './promql';
export type { PromSli, PromSliMetric, SliQueryProblem } from './promql';
export { readPromSli } from './readPromSli';
export {
  thresholdCondition,
  thresholdSamplesQueries,
} from './thresholdQueries';
export { timeSliceQueries } from './timeSliceQueries';
export * from './sliErrorRatioQuery';
export * from './sloPeriodMs';
export * from './generatePrometheusRules';
export * from './types';
export { MIN_EVENTS_PER_HOUR_ANNOTATION } from './minEventsGuard';
export * from './toPrometheusRuleResource';
export * from './alertmanagerRouteTree';
export * from './sliEventCountQuery';
