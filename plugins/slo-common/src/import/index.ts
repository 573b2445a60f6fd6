/*
 * A way in from Sloth and Pyrra: their SLOs as OpenSLO v1, for the
 * triad-slo import command and the slo:import scaffolder action.
 */
export * from './importTypes';
export * from './importSlos';
export { importSlothSpec, isSlothSpec } from './importSloth';
export { importPyrraSlo, isPyrraSlo } from './importPyrra';
export { pyrraAlertWindows } from './pyrraAlertWindows';
export type { PyrraAlertWindow } from './pyrraAlertWindows';
