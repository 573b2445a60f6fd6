/**
 * Scaffolder actions that write OpenSLO documents, validate them, generate
 * Prometheus alert rules and check the error-budget policy.
 *
 * @packageDocumentation
 */

export { scaffolderModuleSlo as default } from './module';
export { createOpenSloCreateAction } from './actions/createOpenSloAction';
export { createOpenSloValidateAction } from './actions/validateOpenSloAction';
export { createOpenSloImportAction } from './actions/importSlosAction';
export { createPrometheusRulesAction } from './actions/prometheusRulesAction';
export { createPolicyCheckAction } from './actions/policyCheckAction';
