import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { entityRefActionInput, entityRefInput } from '@triad/backend-utils';
import { SloService } from '../service/SloService';

/** Registers `check-release-gate`: the error-budget policy decision for an entity. */
export function createCheckReleaseGateAction(options: {
  actionsRegistry: ActionsRegistryService;
  slos: SloService;
}) {
  const { actionsRegistry, slos } = options;
  actionsRegistry.register({
    name: 'check-release-gate',
    title: 'Check the release gate of an entity',
    description: `Decides whether the error-budget policy allows a release of a catalog entity now: blocked when an SLO objective has less budget left than the policy's minimum, or while a page-severity burn-rate alert fires (when the policy says so). Returns the decision, one sentence summing it up, the reason per SLO objective, and the policy applied (the service's annotation, its owning team's settings or the defaults). Use it to answer "can I deploy X?". This is the same decision as the CI gate (triad-slo gate) and the SLO tab. The entity is a reference like "payments-gateway" (kind defaults to component). An entity the caller may not see is reported as not found.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => entityRefActionInput(z, 'payments-gateway'),
      output: z =>
        z.object({
          entityRef: z.string(),
          releaseAllowed: z.boolean(),
          summary: z.string().describe('The decision in one sentence'),
          reasons: z.array(
            z.object({
              sloRef: z.string(),
              objective: z.string().optional(),
              blocking: z.boolean(),
              message: z.string(),
            }),
          ),
          evaluatedAt: z.string(),
          policy: z
            .object({
              minRemainingBudget: z.number(),
              blockOnPageAlert: z.boolean(),
              source: z
                .enum(['service', 'team', 'default'])
                .describe('The most specific level that set anything'),
              teamRef: z.string().optional(),
              problems: z
                .array(z.string())
                .describe('Why parts of the service annotation were ignored'),
            })
            .optional(),
        }),
    },
    examples: [
      {
        title: 'May payments-gateway be released?',
        input: { entityRef: 'payments-gateway' },
      },
    ],
    async action({ input, credentials }) {
      const ref = stringifyEntityRef(
        entityRefInput(input.entityRef, 'entityRef', 'component'),
      );
      const decision = await slos.policy(ref, credentials);
      return { output: decision };
    },
  });
}
