import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { entityRefActionInput, entityRefInput } from '@triad/backend-utils';
import { SloService } from '../service/SloService';
import { describeSlo, sloOutputSchema, toSloOutput } from './sloActionOutput';

/** Registers `get-slos`: every SLO that measures an entity, evaluated now. */
export function createGetSlosAction(options: {
  actionsRegistry: ActionsRegistryService;
  slos: SloService;
}) {
  const { actionsRegistry, slos } = options;
  actionsRegistry.register({
    name: 'get-slos',
    title: 'Get the SLOs of an entity',
    description: `Evaluates every service-level objective (SLO) that measures a catalog entity (usually a component) and returns, per SLO and objective: status (healthy, warning, breached, no-data), the share of error budget left, the current burn rate, the burn-rate alert tiers firing now, the time until the budget is exhausted at that rate, and a plain-language summary to quote. Use it to answer "is X healthy?", "how much error budget does X have?" or "is X paging?". The entity is a reference like "payments-gateway" or "component:default/payments-gateway" (kind defaults to component, namespace to default). An entity the caller may not see is reported as not found. An entity without SLOs returns an empty list.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => entityRefActionInput(z, 'payments-gateway'),
      output: z =>
        z.object({
          entityRef: z.string().describe('The entity, as a full reference'),
          summary: z.string().describe('Every SLO of the entity in words'),
          slos: z.array(sloOutputSchema(z)),
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
      const { entityRef, items } = await slos.entitySlos(ref, credentials);
      const outputs = items.map(toSloOutput);
      return {
        output: {
          entityRef,
          summary: outputs.length
            ? outputs.map(describeSlo).join('\n')
            : `${entityRef} has no SLOs.`,
          slos: outputs,
        },
      };
    },
  });
}
