/**
 * Scaffolder actions that write OpenSLO documents, validate them, generate
 * Prometheus alert rules, check the error-budget policy and mark deploys
 * and incidents on SLO charts.
 *
 * @packageDocumentation
 */

export { scaffolderModuleSlo as default } from './module';
export { createOpenSloCreateAction } from './actions/createOpenSloAction';
export { createOpenSloValidateAction } from './actions/validateOpenSloAction';
export { createOpenSloImportAction } from './actions/importSlosAction';
export { createPrometheusRulesAction } from './actions/prometheusRulesAction';
export { createPolicyCheckAction } from './actions/policyCheckAction';
export { createEventCreateAction } from './actions/eventCreateAction';
export type { SloBackendOptions } from './lib/sloBackend';
