import { SloHistoryResponse, SloResult } from '@triad/plugin-slo-common';
import { ActionZod } from '@triad/backend-utils';
import { describeSlo, sloOutputSchema, toSloOutput } from './sloActionOutput';

/** The zod schema of the output of `get-error-budget`. */
export function errorBudgetOutputSchema(z: ActionZod) {
  const budget = z.object({
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
  });

  const point = z.object({
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
  });

  return z.object({
    slo: sloOutputSchema(z),
    summary: z.string().describe('The SLO in words'),
    budget: z
      .array(budget)
      .describe('The budget of each objective in time and units'),
    history: z.array(point).describe('Recorded evaluations, oldest first'),
  });
}

/** An evaluated SLO and its history in the shape of errorBudgetOutputSchema. */
export function toErrorBudgetOutput(
  result: SloResult,
  history: SloHistoryResponse,
) {
  const slo = toSloOutput(result);
  return {
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
  };
}
