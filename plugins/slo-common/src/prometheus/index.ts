/*
 * Prometheus rules from OpenSLO documents, shared by the scaffolder action
 * slo:prometheus:rules and the triad-slo CLI.
 */
export * from './readOpenSloFiles';
export * from './sliErrorRatioQuery';
export * from './sloPeriodMs';
export * from './sloAlertTiers';
export * from './generatePrometheusRules';
export * from './toPrometheusRuleResource';
