import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { entityRefActionInput, entityRefInput } from '@triad/backend-utils';
import { AVAILABILITY_SLO_KIND } from '@triad/plugin-slo-common';
import { CompositeService } from '../composite/CompositeService';
import { BurnAttributionService } from '../dependencies/BurnAttributionService';
import { DependencyCeilingService } from '../dependencies/DependencyCeilingService';
import { SloService } from '../service/SloService';
import {
  attributionOutputSchema,
  toAttributionOutput,
} from './attributionActionOutput';
import { ceilingOutputSchema, toCeilingOutput } from './ceilingActionOutput';
import {
  compositeOutputSchema,
  toCompositeOutput,
} from './compositeActionOutput';
import { describeSlo, sloOutputSchema, toSloOutput } from './sloActionOutput';

interface GetSlosDeps {
  slos: Pick<SloService, 'entitySlos'>;
  ceilings: Pick<DependencyCeilingService, 'ceiling'>;
  composites: Pick<CompositeService, 'evaluate'>;
  attributions: Pick<BurnAttributionService, 'attribution'>;
}

/**
 * Registers `get-slos`: every SLO that measures an entity, evaluated now,
 * with what its dependencies allow and the composite SLOs that measure it,
 * each from the service behind its own endpoint.
 */
export function createGetSlosAction(
  options: GetSlosDeps & { actionsRegistry: ActionsRegistryService },
) {
  const { actionsRegistry } = options;
  actionsRegistry.register({
    name: 'get-slos',
    title: 'Get the SLOs of an entity',
    description: `Evaluates every service-level objective (SLO) that measures a catalog entity (usually a component) and returns, per SLO and objective: status (healthy, warning, breached, no-data), the share of error budget left, the current burn rate, the burn-rate alert tiers firing now, the time until the budget is exhausted at that rate, and a plain-language summary to quote. It also returns the dependency ceiling: the best availability the entity's hard dependencies (dependsOn, transitively) allow together, the product of their SLO targets and of their measured SLIs, each dependency with its path, owner and SRE/platform holders, and which of the entity's own targets are above that ceiling. Per SLO, the burn attribution: the share of its burned budget that coincided with each dependency burning its own budget faster than 1× (coincided, not caused), with the dependency's owner. And the composite SLOs that measure the entity (usually a system), with each part's weight, budget consumed and contribution to the composite. Use it to answer "is X healthy?", "how much error budget does X have?", "is X paging?", "can X reach its target given its dependencies?", "which part spent the system's budget?" or "did a dependency burn when X did?". The entity is a reference like "payments-gateway" or "component:default/payments-gateway" (kind defaults to component, namespace to default). An entity the caller may not see is reported as not found. An entity without SLOs returns an empty list.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => entityRefActionInput(z, 'payments-gateway'),
      output: z =>
        z.object({
          entityRef: z.string().describe('The entity, as a full reference'),
          summary: z
            .string()
            .describe(
              'Every SLO of the entity, its burn attribution, its dependency ceiling and its composite SLOs in words',
            ),
          slos: z.array(sloOutputSchema(z)),
          burnAttributions: z
            .array(attributionOutputSchema(z))
            .describe(
              "Per SLO of the entity (composites excepted), the burn that coincided with its dependencies' burn",
            ),
          dependencyCeiling: ceilingOutputSchema(z),
          composites: z
            .array(compositeOutputSchema(z))
            .describe(
              'Composite SLOs that measure the entity, evaluated from their parts; empty when none',
            ),
        }),
    },
    examples: [
      {
        title: 'SLOs of a service',
        input: { entityRef: 'component:default/payments-gateway' },
      },
    ],
    async action({ input, credentials }) {
      const ref = stringifyEntityRef(
        entityRefInput(input.entityRef, 'entityRef', 'component'),
      );
      return { output: await getSlos(options, ref, credentials) };
    },
  });
}

/** The answer: each part from the service behind its own endpoint. */
async function getSlos(
  deps: GetSlosDeps,
  ref: string,
  credentials: BackstageCredentials,
) {
  const { slos, ceilings, composites, attributions } = deps;
  // First the SLOs: an entity the caller may not read ends here.
  const entity = await slos.entitySlos(ref, credentials);
  // Composites have no counts of their own: their parts carry it.
  const composite = new Set((entity.composites ?? []).map(c => c.ref));
  const [ceiling, evaluated, attributed] = await Promise.all([
    ceilings.ceiling(ref, AVAILABILITY_SLO_KIND, credentials),
    Promise.all(
      (entity.composites ?? []).map(c =>
        composites.evaluate(c.namespace, c.name, credentials),
      ),
    ),
    Promise.all(
      entity.items
        .filter(s => !composite.has(s.ref))
        .map(s => attributions.attribution(s.ref, credentials)),
    ),
  ]);
  const outputs = entity.items.map(toSloOutput);
  const dependencyCeiling = toCeilingOutput(ceiling);
  const compositeOutputs = evaluated.map(toCompositeOutput);
  const burnAttributions = attributed.map(toAttributionOutput);
  const lines = [
    ...(outputs.length || compositeOutputs.length
      ? outputs.map(describeSlo)
      : [`${entity.entityRef} has no SLOs.`]),
    ...burnAttributions.map(a => a.summary),
    ...compositeOutputs.map(c => c.summary),
    dependencyCeiling.summary,
  ];
  return {
    entityRef: entity.entityRef,
    summary: lines.join('\n'),
    slos: outputs,
    burnAttributions,
    dependencyCeiling,
    composites: compositeOutputs,
  };
}
