import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { entityRefInput } from '@triad/backend-utils';
import { SloService } from '../service/SloService';
import {
  errorBudgetOutputSchema,
  toErrorBudgetOutput,
} from './errorBudgetOutput';

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
      output: errorBudgetOutputSchema,
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
      return { output: toErrorBudgetOutput(result, history) };
    },
  });
}
