import {
  OpenSloKind,
  OpenSloReferenceKind,
  RELATION_ALERT_CONDITION_OF,
  RELATION_ALERT_POLICY_OF,
  RELATION_DATA_SOURCE_OF,
  RELATION_DESCRIBED_BY,
  RELATION_DESCRIBES,
  RELATION_HAS_ALERT_CONDITION,
  RELATION_HAS_ALERT_POLICY,
  RELATION_HAS_INDICATOR,
  RELATION_HAS_SLO_PART,
  RELATION_INDICATOR_OF,
  RELATION_MEASURED_BY,
  RELATION_MEASURES,
  RELATION_NOTIFIED_BY,
  RELATION_NOTIFIES,
  RELATION_SLO_PART_OF,
  RELATION_USES_DATA_SOURCE,
} from '@triad/plugin-slo-common';

/** A relation pair between an OpenSLO document and what it names, both ways. */
export interface OpenSloRelationPair {
  from: OpenSloKind[];
  to: string;
  forward: { type: string; title: string };
  reverse: { type: string; title: string };
  description: string;
}

/**
 * The relation pairs the processor emits and the model layer describes: an
 * SLO's service, a Service's component, a composite SLO's parts, and one pair
 * per kind of document an OpenSLO document can name.
 */
export const OPENSLO_RELATIONS: Record<
  'measures' | 'describes' | 'sloPart' | OpenSloReferenceKind,
  OpenSloRelationPair
> = {
  measures: {
    from: ['SLO'],
    to: 'Component',
    forward: { type: RELATION_MEASURES, title: 'measures' },
    reverse: { type: RELATION_MEASURED_BY, title: 'measured by' },
    description: 'An SLO and the component it measures (spec.service).',
  },
  describes: {
    from: ['Service'],
    to: 'Component',
    forward: { type: RELATION_DESCRIBES, title: 'describes' },
    reverse: { type: RELATION_DESCRIBED_BY, title: 'described by' },
    description: 'An OpenSLO Service and the component of the same name.',
  },
  sloPart: {
    from: ['SLO'],
    to: 'SLO',
    forward: { type: RELATION_HAS_SLO_PART, title: 'has SLO part' },
    reverse: { type: RELATION_SLO_PART_OF, title: 'SLO part of' },
    description:
      'A composite SLO and each SLO it is made of (spec.objectives[].sloRef, weighted by compositeWeight).',
  },
  SLI: {
    from: ['SLO'],
    to: 'SLI',
    forward: { type: RELATION_HAS_INDICATOR, title: 'has indicator' },
    reverse: { type: RELATION_INDICATOR_OF, title: 'indicator of' },
    description: 'An SLO and the SLI it names (spec.indicatorRef).',
  },
  DataSource: {
    from: ['SLI', 'SLO'],
    to: 'DataSource',
    forward: { type: RELATION_USES_DATA_SOURCE, title: 'uses data source' },
    reverse: { type: RELATION_DATA_SOURCE_OF, title: 'data source of' },
    description:
      'An SLI (or an SLO with an inline SLI) and the data sources its metric sources name (metricSource.dataSourceRef).',
  },
  AlertPolicy: {
    from: ['SLO'],
    to: 'AlertPolicy',
    forward: { type: RELATION_HAS_ALERT_POLICY, title: 'has alert policy' },
    reverse: { type: RELATION_ALERT_POLICY_OF, title: 'alert policy of' },
    description: 'An SLO and the alert policies it names (spec.alertPolicies).',
  },
  AlertCondition: {
    from: ['AlertPolicy', 'SLO'],
    to: 'AlertCondition',
    forward: {
      type: RELATION_HAS_ALERT_CONDITION,
      title: 'has alert condition',
    },
    reverse: { type: RELATION_ALERT_CONDITION_OF, title: 'alert condition of' },
    description:
      'An alert policy (or an SLO with an inline one) and the conditions it names (spec.conditions[].conditionRef).',
  },
  AlertNotificationTarget: {
    from: ['AlertPolicy', 'SLO'],
    to: 'AlertNotificationTarget',
    forward: { type: RELATION_NOTIFIES, title: 'notifies' },
    reverse: { type: RELATION_NOTIFIED_BY, title: 'notified by' },
    description:
      'An alert policy (or an SLO with an inline one) and the targets it notifies (spec.notificationTargets[].targetRef).',
  },
};
