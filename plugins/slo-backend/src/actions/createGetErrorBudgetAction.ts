import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { entityRefInput } from '@triad/backend-utils';
import { SloService } from '../service/SloService';
import { describeSlo, sloOutputSchema, toSloOutput } from './sloActionOutput';

const DAY = 86_400_000;

/** Registers `get-error-budget`: one SLO's budget now and its recent history. */
export function createGetErrorBudgetAction(options: {
  actionsRegistry: ActionsRegistryService;
  slos: SloService;
  clock?: () => Date;
}) {
  const { actionsRegistry, slos } = options;
  const clock = options.clock ?? (() => new Date());
  actionsRegistry.register({
    name: 'get-error-budget',
    title: 'Get the error budget of one SLO',
    description: `Returns the error budget of one SLO: per objective the share left, in time and in events or slices, the burn rate, firing alert tiers and time to exhaustion, with a plain-language summary, plus the recorded history of SLI and budget left over the last days (one point per scheduled evaluation). Use it after get-slos to explain how a budget was spent or whether it is recovering. The SLO is a reference like "payments-gateway-availability" or "slo:default/payments-gateway-availability". An SLO the caller may not see is reported as not found.`,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          sloRef: z
            .string()
            .min(1)
            .describe(
              'The SLO, e.g. "payments-gateway-availability" or "slo:default/payments-gateway-availability"',
            ),
          historyDays: z
            .number()
            .int()
            .min(1)
            .max(90)
            .default(7)
            .describe('How many days of history to return (1–90, default 7)'),
        }),
      output: z =>
        z.object({
          slo: sloOutputSchema(z),
          summary: z.string().describe('The SLO in words'),
          budget: z
            .array(
              z.object({
                index: z.number(),
                displayName: z.string().optional(),
                totalTimeMs: z
                  .number()
                  .describe('The whole period budget in time (full outage)'),
                remainingTimeMs: z.number().optional(),
                totalEvents: z
                  .number()
                  .optional()
                  .describe('Bad events the whole period allows'),
                remainingEvents: z.number().optional(),
                totalSlices: z
                  .number()
                  .optional()
                  .describe('Bad time slices the whole period allows'),
                remainingSlices: z.number().optional(),
              }),
            )
            .describe('The budget of each objective in time and units'),
          history: z
            .array(
              z.object({
                evaluatedAt: z.string(),
                status: z.string(),
                objectives: z.array(
                  z.object({
                    index: z.number(),
                    sli: z.number().optional(),
                    remaining: z.number().optional(),
                    burnRate: z.number().optional(),
                  }),
                ),
              }),
            )
            .describe('Recorded evaluations, oldest first'),
        }),
    },
    examples: [
      {
        title: 'Budget of an SLO over the last two days',
        input: {
          sloRef: 'slo:default/payments-gateway-availability',
          historyDays: 2,
        },
      },
    ],
    async action({ input, credentials }) {
      const ref = entityRefInput(input.sloRef, 'sloRef', 'slo');
      if (ref.kind !== 'slo') {
        throw new InputError(
          `sloRef: "${input.sloRef}" names a ${ref.kind}, not an SLO; use get-slos for the SLOs of an entity`,
        );
      }
      const to = clock();
      const from = new Date(to.getTime() - input.historyDays * DAY);
      const [result, history] = await Promise.all([
        slos.getSlo(ref.namespace, ref.name, credentials),
        slos.history(ref.namespace, ref.name, { from, to }, credentials),
      ]);
      const slo = toSloOutput(result);
      return {
        output: {
          slo,
          summary: describeSlo(slo),
          budget: result.objectives.map(o => ({
            index: o.index,
            displayName: o.displayName,
            totalTimeMs: o.budget.totalTimeMs,
            remainingTimeMs: o.budget.remainingTimeMs,
            totalEvents: o.budget.totalEvents,
            remainingEvents: o.budget.remainingEvents,
            totalSlices: o.budget.totalSlices,
            remainingSlices: o.budget.remainingSlices,
          })),
          history: history.points.map(p => ({
            evaluatedAt: p.evaluatedAt,
            status: p.status,
            objectives: p.objectives.map(o => ({
              index: o.index,
              sli: o.sli,
              remaining: o.remaining,
              burnRate: o.burnRate,
            })),
          })),
        },
      };
    },
  });
}
