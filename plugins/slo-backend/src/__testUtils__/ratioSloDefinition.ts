import { Entity } from '@backstage/catalog-model';
import { SloDocument } from '@triad/plugin-slo-common';
import { SloDefinition } from '../evaluation/SloDefinitions';

/**
 * An Occurrences SLO `name` of component svc with one 99 % objective, its
 * ratio read from the data source `test`, over a rolling `window`.
 */
export function ratioSloDefinition(
  name: string,
  window: string,
): { doc: SloDocument; def: SloDefinition } {
  const doc = {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name },
    spec: {
      service: 'svc',
      indicator: {
        metadata: { name: `${name}-sli` },
        spec: {
          ratioMetric: {
            counter: true,
            good: { metricSource: { type: 'test', spec: {} } },
            total: { metricSource: { type: 'test', spec: {} } },
          },
        },
      },
      timeWindow: [{ duration: window, isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.99 }],
    },
  } as unknown as SloDocument;

  const def: SloDefinition = {
    ref: `slo:default/${name}`,
    entity: doc as unknown as Entity,
    doc,
    serviceRef: 'component:default/svc',
    objectives: [
      {
        index: 0,
        objective: doc.spec.objectives[0],
        indicator: doc.spec.indicator!.spec,
        source: { name: 'test', type: 'test', config: {} },
      },
    ],
  };
  return { doc, def };
}
