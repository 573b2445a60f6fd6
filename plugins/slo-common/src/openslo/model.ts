import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { durationToMs } from '../math/duration';
import { TimeWindow } from '../math/timeWindow';
import { SloObjective, SloTimeWindow } from './schema';
import { SloDocument } from './validateOpenSloDocument';

/** Relation from an SLO to the entity it measures (`spec.service`), and back. */
export const RELATION_MEASURES = 'measures';
export const RELATION_MEASURED_BY = 'measuredBy';
/** SLO → SLI (`indicatorRef`), and back. */
export const RELATION_HAS_INDICATOR = 'hasIndicator';
export const RELATION_INDICATOR_OF = 'indicatorOf';
/** SLO or SLI → DataSource (`metricSourceRef`), and back. */
export const RELATION_USES_DATA_SOURCE = 'usesDataSource';
export const RELATION_DATA_SOURCE_OF = 'dataSourceOf';
/** SLO → AlertPolicy (`alertPolicies`), and back. */
export const RELATION_HAS_ALERT_POLICY = 'hasAlertPolicy';
export const RELATION_ALERT_POLICY_OF = 'alertPolicyOf';
/** AlertPolicy, or an SLO with an inline policy → AlertCondition (`conditionRef`), and back. */
export const RELATION_HAS_ALERT_CONDITION = 'hasAlertCondition';
export const RELATION_ALERT_CONDITION_OF = 'alertConditionOf';
/** AlertPolicy, or an SLO with an inline policy → AlertNotificationTarget (`targetRef`), and back. */
export const RELATION_NOTIFIES = 'notifies';
export const RELATION_NOTIFIED_BY = 'notifiedBy';
/**
 * OpenSLO Service → the catalog component of the same name, and back. The
 * SLOs of the Service (`spec.service: <its name>`) measure that component.
 */
export const RELATION_DESCRIBES = 'describes';
export const RELATION_DESCRIBED_BY = 'describedBy';
/** Composite SLO → each part SLO (`objectives[].sloRef`), and back. */
export const RELATION_HAS_SLO_PART = 'hasSloPart';
export const RELATION_SLO_PART_OF = 'sloPartOf';

/** The objective's target as a ratio (`targetPercent` is divided by 100). */
export function objectiveTarget(objective: SloObjective): number {
  return objective.target ?? objective.targetPercent! / 100;
}

/** The SLO's window in the form the arithmetic takes. */
export function toTimeWindow(window: SloTimeWindow): TimeWindow {
  if (window.isRolling) return { type: 'rolling', duration: window.duration };
  return {
    type: 'calendar',
    duration: window.duration,
    startTime: window.calendar!.startTime,
    timeZone: window.calendar!.timeZone,
  };
}

/**
 * Slice length of a Timeslices objective in ms. A bare number is minutes, as
 * OpenSLO says ("default interpretation of unit if specified as a number").
 */
export function timeSliceMs(objective: SloObjective): number | undefined {
  const w = objective.timeSliceWindow;
  if (w === undefined) return undefined;
  return typeof w === 'number' ? w * 60_000 : durationToMs(w);
}

/**
 * The entity an SLO measures: `spec.service` as an entity reference, kind
 * `component` and the SLO's namespace unless the reference says otherwise.
 */
export function sloServiceRef(slo: SloDocument): CompoundEntityRef {
  return parseEntityRef(slo.spec.service, {
    defaultKind: 'component',
    defaultNamespace: slo.metadata.namespace ?? 'default',
  });
}
