import { createCatalogModelLayer } from '@backstage/catalog-model/alpha';
import {
  MIN_EVENTS_PER_HOUR_ANNOTATION,
  OPENSLO_KINDS,
  OpenSloKind,
  openSloSpecFields,
  RELEASE_GATE_POLICY_ANNOTATION,
  SHORT_WINDOW_ANNOTATION,
} from '@triad/plugin-slo-common';
import { OPENSLO_RELATIONS } from '../openSloRelations';
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
    for (const r of Object.values(OPENSLO_RELATIONS)) {
      model.addRelationPair({
        fromKind: r.from,
        toKind: r.to,
        description: r.description,
        forward: r.forward,
        reverse: r.reverse,
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
