import { createCatalogModelLayer } from '@backstage/catalog-model/alpha';
import {
  MIN_EVENTS_PER_HOUR_ANNOTATION,
  OPENSLO_KINDS,
  OpenSloKind,
  openSloSpecFields,
  RELATION_ALERT_CONDITION_OF,
  RELATION_ALERT_POLICY_OF,
  RELATION_DATA_SOURCE_OF,
  RELATION_DESCRIBED_BY,
  RELATION_DESCRIBES,
  RELATION_HAS_ALERT_CONDITION,
  RELATION_HAS_ALERT_POLICY,
  RELATION_HAS_INDICATOR,
  RELATION_INDICATOR_OF,
  RELATION_MEASURED_BY,
  RELATION_MEASURES,
  RELATION_NOTIFIED_BY,
  RELATION_NOTIFIES,
  RELATION_USES_DATA_SOURCE,
  RELEASE_GATE_POLICY_ANNOTATION,
  SHORT_WINDOW_ANNOTATION,
} from '@triad/plugin-slo-common';
import { OPENSLO_LABELS_ANNOTATION } from '../processor/OpenSloEntitiesProcessor';

const kinds: Record<
  OpenSloKind,
  { singular: string; plural: string; description: string }
> = {
  SLO: {
    singular: 'slo',
    plural: 'slos',
    description:
      'An OpenSLO service level objective: the share of good events (or good time slices) a service must reach over a time window, and the alert policies that watch its error budget.',
  },
  SLI: {
    singular: 'sli',
    plural: 'slis',
    description:
      'An OpenSLO service level indicator: the query (a ratio of good to total events, or a threshold metric) that SLOs measure.',
  },
  DataSource: {
    singular: 'datasource',
    plural: 'datasources',
    description:
      'An OpenSLO data source: where the metric queries of SLIs run (e.g. Prometheus).',
  },
  AlertPolicy: {
    singular: 'alertpolicy',
    plural: 'alertpolicies',
    description:
      'An OpenSLO alert policy: the burn-rate conditions that alert on an SLO and the targets they notify.',
  },
  AlertCondition: {
    singular: 'alertcondition',
    plural: 'alertconditions',
    description:
      'An OpenSLO alert condition: a burn rate over a lookback window, with a severity (page or ticket).',
  },
  AlertNotificationTarget: {
    singular: 'alertnotificationtarget',
    plural: 'alertnotificationtargets',
    description:
      'An OpenSLO alert notification target: where an alert policy sends its alerts.',
  },
  Service: {
    singular: 'service',
    plural: 'services',
    description:
      'An OpenSLO service: a grouping of SLOs, mapped by name to the catalog component it describes.',
  },
};

const relations: Array<{
  from: OpenSloKind[];
  to: string;
  forward: [string, string];
  reverse: [string, string];
  description: string;
}> = [
  {
    from: ['SLO'],
    to: 'Component',
    forward: [RELATION_MEASURES, 'measures'],
    reverse: [RELATION_MEASURED_BY, 'measured by'],
    description: 'An SLO and the component it measures (spec.service).',
  },
  {
    from: ['Service'],
    to: 'Component',
    forward: [RELATION_DESCRIBES, 'describes'],
    reverse: [RELATION_DESCRIBED_BY, 'described by'],
    description: 'An OpenSLO Service and the component of the same name.',
  },
  {
    from: ['SLO'],
    to: 'SLI',
    forward: [RELATION_HAS_INDICATOR, 'has indicator'],
    reverse: [RELATION_INDICATOR_OF, 'indicator of'],
    description: 'An SLO and the SLI it names (spec.indicatorRef).',
  },
  {
    from: ['SLI', 'SLO'],
    to: 'DataSource',
    forward: [RELATION_USES_DATA_SOURCE, 'uses data source'],
    reverse: [RELATION_DATA_SOURCE_OF, 'data source of'],
    description:
      'An SLI (or an SLO with an inline SLI) and the data sources its metric sources name (metricSource.dataSourceRef).',
  },
  {
    from: ['SLO'],
    to: 'AlertPolicy',
    forward: [RELATION_HAS_ALERT_POLICY, 'has alert policy'],
    reverse: [RELATION_ALERT_POLICY_OF, 'alert policy of'],
    description: 'An SLO and the alert policies it names (spec.alertPolicies).',
  },
  {
    from: ['AlertPolicy', 'SLO'],
    to: 'AlertCondition',
    forward: [RELATION_HAS_ALERT_CONDITION, 'has alert condition'],
    reverse: [RELATION_ALERT_CONDITION_OF, 'alert condition of'],
    description:
      'An alert policy (or an SLO with an inline one) and the conditions it names (spec.conditions[].conditionRef).',
  },
  {
    from: ['AlertPolicy', 'SLO'],
    to: 'AlertNotificationTarget',
    forward: [RELATION_NOTIFIES, 'notifies'],
    reverse: [RELATION_NOTIFIED_BY, 'notified by'],
    description:
      'An alert policy (or an SLO with an inline one) and the targets it notifies (spec.notificationTargets[].targetRef).',
  },
];

/**
 * The OpenSLO kinds, their relations and Triad's SLO annotations, described
 * to the catalog model.
 *
 * @remarks
 * The kinds' schemas list the spec fields of slo-common's validator and
 * constrain nothing: the catalog checks a kind's schema before any module's
 * processor, so a stricter schema would replace the processor's messages
 * (which name every bad field) with generic ones. No relation fields are
 * declared either: the processor emits the relations, and declared fields
 * would make the catalog emit them a second time.
 *
 * @alpha
 */
export const opensloModelLayer = createCatalogModelLayer({
  layerId: 'triad.dev/openslo',
  builder: model => {
    for (const kind of OPENSLO_KINDS) {
      const { singular, plural, description } = kinds[kind];
      model.addKind({
        group: 'openslo',
        names: { kind, singular, plural },
        description,
        versions: [
          {
            name: 'v1',
            schema: {
              jsonSchema: {
                type: 'object',
                properties: {
                  spec: {
                    type: 'object',
                    properties: Object.fromEntries(
                      openSloSpecFields(kind).map(field => [field, {}]),
                    ),
                  },
                },
              },
            },
          },
        ],
      });
    }
    for (const r of relations) {
      model.addRelationPair({
        fromKind: r.from,
        toKind: r.to,
        description: r.description,
        forward: { type: r.forward[0], title: r.forward[1] },
        reverse: { type: r.reverse[0], title: r.reverse[1] },
      });
    }
    model.addAnnotation({
      name: OPENSLO_LABELS_ANNOTATION,
      title: 'OpenSLO labels',
      description:
        'The OpenSLO labels of the document as written (JSON), kept when a label holds a list of values or a value a catalog label cannot hold.',
    });
    model.addAnnotation({
      name: SHORT_WINDOW_ANNOTATION,
      title: 'Short window',
      description:
        'On an AlertCondition: the short window of its multi-window burn-rate alert (e.g. 6h), when it is not a twelfth of the lookback window.',
    });
    model.addAnnotation({
      name: MIN_EVENTS_PER_HOUR_ANNOTATION,
      title: 'Minimum events per hour',
      description:
        'On an SLO: the traffic below which its burn-rate alerts stay silent (too few events to judge).',
    });
    model.addAnnotation({
      name: RELEASE_GATE_POLICY_ANNOTATION,
      title: 'Release-gate policy',
      description:
        'On a component: its release-gate settings, e.g. "minRemainingBudget=10%, blockOnPageAlert=false"; settings left out come from its team, then from slo.policy.',
    });
    model.addAnnotation({
      name: 'triad.dev/imported-from',
      title: 'Imported from',
      description:
        'On an SLO made by the Sloth or Pyrra importer: the tool and source it came from, e.g. "sloth:<source>".',
    });
  },
});
