/**
 * SLO data source for Prometheus-compatible HTTP APIs (Prometheus, Thanos,
 * Mimir, VictoriaMetrics).
 *
 * @packageDocumentation
 */

export { sloModulePrometheus as default } from './module';
export { PrometheusDataSource } from './PrometheusDataSource';
export type { PrometheusDataSourceOptions } from './PrometheusDataSource';
