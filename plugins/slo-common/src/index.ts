/**
 * OpenSLO v1 types and validation, and the SLO and error-budget arithmetic
 * shared by the Triad SLO plugins, scaffolder actions and CLI.
 *
 * @packageDocumentation
 */

export * from './math/duration';
export * from './math/timeWindow';
export * from './math/budget';
export * from './math/alertTiers';
export * from './math/timeslices';
export * from './math/status';
export * from './math/calendarPace';
export * from './math/evaluateObjective';
export * from './math/burnDown';
export * from './math/budgetSpentAround';
export * from './format';
export * from './openslo/schema';
export * from './openslo/validateOpenSloDocument';
export * from './openslo/model';
export * from './openslo/openSloReferences';
export * from './openslo/resolvedSlo';
export * from './openslo/resolveSlo';
export { SHORT_WINDOW_ANNOTATION } from './openslo/resolveAlertConditions';
export * from './openslo/formatResolutionProblem';
export * from './openslo/sloAlertTiers';
export * from './openslo/openSloSpecFields';
export * from './composite';
export * from './fleet';
export * from './dependencies';
export * from './permissions';
export * from './policy';
export * from './notifications';
export * from './api/types';
export * from './api/eventTypes';
export * from './api/compositeTypes';
export * from './api/dependencyCeilingTypes';
export * from './api/burnAttributionTypes';
export * from './api/SloClient';
export * from './prometheus';
export * from './import';
