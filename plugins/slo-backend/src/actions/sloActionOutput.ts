import {
  formatBudgetLeft,
  formatTimeToExhaustion,
  SloResult,
  summarize,
} from '@triad/plugin-slo-common';
import { ActionZod } from '@triad/backend-utils';

/*
 * One evaluated SLO as the actions return it: the figures of the SLO endpoints
 * (the same evaluation, not a second computation) with the words the pages
 * show beside them, so an assistant can quote rather than recompute.
 */

/** The zod schema of one SLO in an action's output. */
export function sloOutputSchema(z: ActionZod) {
  const firingTier = z.object({
    name: z.string().describe('Alert tier, e.g. page-fast'),
    severity: z.string().describe('page or ticket'),
    factor: z.number().describe('Burn-rate threshold of the tier'),
    longBurnRate: z.number().optional(),
    shortBurnRate: z.number().optional(),
  });

  const objective = z.object({
    index: z.number(),
    displayName: z.string().optional(),
    target: z.number().describe('Objective as a ratio, e.g. 0.999'),
    sli: z
      .number()
      .optional()
      .describe('SLI over the period so far; absent without traffic'),
    budgetRemaining: z
      .number()
      .optional()
      .describe(
        'Share of the error budget left (1 = untouched, negative = overspent)',
      ),
    budgetLeft: z.string().describe('budgetRemaining in words'),
    burnRate: z
      .number()
      .optional()
      .describe(
        'Current burn rate (1 spends exactly the budget over one period)',
      ),
    timeToExhaustionMs: z
      .number()
      .optional()
      .describe('Milliseconds until the budget is gone at the current rate'),
    timeToExhaustion: z.string().describe('timeToExhaustionMs in words'),
    firingTiers: z
      .array(firingTier)
      .describe('Burn-rate alert tiers firing now'),
    status: z.enum(['healthy', 'warning', 'breached', 'no-data']),
    summary: z.string().describe('The objective in plain language'),
  });

  return z.object({
    ref: z.string().describe('Entity reference of the SLO'),
    title: z.string(),
    description: z.string().optional(),
    serviceRef: z.string().describe('The entity the SLO measures'),
    ownerRef: z.string().optional(),
    status: z
      .enum(['healthy', 'warning', 'breached', 'no-data'])
      .describe('The worst status of its objectives'),
    periodStart: z.string(),
    periodEnd: z.string(),
    evaluatedAt: z.string(),
    stale: z
      .boolean()
      .describe(
        'Served from the last good evaluation because the source failed',
      ),
    staleReason: z.string().optional(),
    error: z.string().optional().describe('Why the SLO could not be evaluated'),
    objectives: z.array(objective),
  });
}

export type SloOutput = ReturnType<typeof toSloOutput>;

/** An evaluated SLO in the shape of sloOutputSchema. */
export function toSloOutput(slo: SloResult) {
  return {
    ref: slo.ref,
    title: slo.title,
    description: slo.description,
    serviceRef: slo.serviceRef,
    ownerRef: slo.ownerRef,
    status: slo.status,
    periodStart: slo.period.start,
    periodEnd: slo.period.end,
    evaluatedAt: slo.evaluatedAt,
    stale: slo.stale,
    staleReason: slo.staleReason,
    error: slo.error,
    objectives: slo.objectives.map(o => ({
      index: o.index,
      displayName: o.displayName,
      target: o.target,
      sli: o.sli,
      budgetRemaining: o.budget.remaining,
      budgetLeft: formatBudgetLeft(o.budget.remaining),
      burnRate: o.burnRate,
      timeToExhaustionMs: o.timeToExhaustionMs,
      timeToExhaustion: formatTimeToExhaustion(o, slo),
      firingTiers: o.alerts
        .filter(a => a.firing)
        .map(a => ({
          name: a.name,
          severity: a.severity,
          factor: a.factor,
          longBurnRate: a.longBurnRate,
          shortBurnRate: a.shortBurnRate,
        })),
      status: o.status,
      summary: summarize(o, slo),
    })),
  };
}

/** One line per SLO: its status and, per objective, the page's summary. */
export function describeSlo(slo: SloOutput): string {
  const head = `${slo.title} (${slo.ref}) is ${slo.status}${
    slo.stale ? ' (from the last good evaluation)' : ''
  }.`;
  if (slo.error) return `${head} It could not be evaluated: ${slo.error}`;
  const firing = slo.objectives.flatMap(o => o.firingTiers.map(t => t.name));
  const alerts = firing.length
    ? ` Firing: ${[...new Set(firing)].join(', ')}.`
    : '';
  const objectives = slo.objectives.map(o =>
    slo.objectives.length > 1
      ? `${o.displayName ?? `Objective ${o.index + 1}`}: ${o.summary}`
      : o.summary,
  );
  return [head + alerts, ...objectives].join(' ');
}
