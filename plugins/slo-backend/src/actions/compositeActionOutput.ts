import {
  CompositeSloResult,
  formatBudgetLeft,
  formatPercent,
} from '@triad/plugin-slo-common';
import { ActionZod } from '@triad/backend-utils';

/*
 * A composite SLO as the actions return it: the composite endpoint's
 * evaluation (CompositeService, evaluateComposite's formula) with each part's
 * contribution and the composite in words.
 */

const STATUS = ['healthy', 'warning', 'breached', 'no-data'] as const;

/** The zod schema of one composite SLO in an action's output. */
export function compositeOutputSchema(z: ActionZod) {
  const part = z.object({
    ref: z
      .string()
      .optional()
      .describe('The part SLO; absent when the caller may not read it'),
    title: z.string().optional(),
    hidden: z
      .boolean()
      .optional()
      .describe('The caller may not read the part: it counts but is not named'),
    weight: z.number().describe('Its compositeWeight (default 1)'),
    weightShare: z
      .number()
      .describe('weight / the sum of the weights of the parts with data'),
    consumed: z
      .number()
      .optional()
      .describe(
        "Share of the part's own error budget consumed (its most-consumed objective); absent without data",
      ),
    contribution: z
      .number()
      .optional()
      .describe(
        "weightShare × consumed: its share of the composite's consumption (the contributions add up to consumed)",
      ),
    status: z.enum(STATUS),
  });
  return z.object({
    ref: z.string().describe('Entity reference of the composite SLO'),
    title: z.string(),
    serviceRef: z.string().describe('The entity it measures'),
    status: z.enum(STATUS),
    consumed: z
      .number()
      .optional()
      .describe(
        'Σ weightᵢ · consumedᵢ / Σ weightᵢ over the parts with data; absent without data',
      ),
    remaining: z
      .number()
      .optional()
      .describe('1 − consumed (negative = overspent)'),
    budgetLeft: z.string().describe('remaining in words'),
    parts: z.array(part),
    problems: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .describe(
        'Why it cannot be evaluated (a part naming no SLO, a cycle); with problems there are no figures',
      ),
    summary: z.string().describe('The composite and its parts in words'),
  });
}

/** A composite evaluation in the shape of compositeOutputSchema. */
export function toCompositeOutput(c: CompositeSloResult) {
  return {
    ref: c.ref,
    title: c.title,
    serviceRef: c.serviceRef,
    status: c.status,
    consumed: c.consumed,
    remaining: c.remaining,
    budgetLeft: formatBudgetLeft(c.remaining),
    parts: c.parts.map(p => ({
      ref: p.ref,
      title: p.title,
      hidden: p.hidden,
      weight: p.weight,
      weightShare: p.weightShare,
      consumed: p.consumed,
      contribution: p.contribution,
      status: p.status,
    })),
    problems: c.problems,
    summary: describeComposite(c),
  };
}

function describeComposite(c: CompositeSloResult): string {
  const head = `${c.title} (${c.ref}, composite of ${c.parts.length} SLO${
    c.parts.length === 1 ? '' : 's'
  }) is ${c.status}.`;
  if (c.problems.length) {
    return `${head} It cannot be evaluated: ${c.problems
      .map(p => `${p.path}: ${p.message}`)
      .join('; ')}`;
  }
  const parts = c.parts.map(p => {
    const name = p.hidden ? 'a part you may not read' : p.title ?? p.ref;
    return p.contribution === undefined
      ? `${name} has no data`
      : `${name} (weight ${p.weight}) spent ${formatPercent(
          p.consumed,
          1,
        )} of its budget, ${formatPercent(
          p.contribution,
          1,
        )} of the composite's`;
  });
  return `${head} ${formatBudgetLeft(c.remaining)}: ${parts.join('; ')}.`;
}
