import { formatDuration } from '../math/duration';
import { AlertTier } from '../math/alertTiers';
import { pascalCase, percent, tidy } from './ruleText';
import { GeneratedAlertTier, PrometheusRule } from './types';

const HOUR = 3_600_000;

/** What one objective's alerts share. */
export interface BurnRateAlertContext {
  sloName: string;
  /** The SLO's title, with the objective's when it has one. */
  objectiveName: string;
  target: number;
  errorBudget: number;
  periodMs: number;
  /** Selects the objective's recording rules. */
  match: string;
  /** Labels of the objective's rules, then the owner labels. */
  labels: Record<string, string>;
  /** Minimum events per hour over the long window; 0: no guard. */
  minEventsPerHour: number;
  runbookUrl?: string;
}

/**
 * The multi-window alert of one tier: both windows' error ratios above
 * k × (1 − target) and, with a guard, enough events over the long window.
 */
export function burnRateAlertRule(
  tier: AlertTier,
  context: BurnRateAlertContext,
): { rule: PrometheusRule; alert: GeneratedAlertTier } {
  const { errorBudget, match, minEventsPerHour: guard } = context;
  const factor = tidy(tier.factor);
  const threshold = tidy(factor * errorBudget);
  const long = formatDuration(tier.longWindowMs);
  const short = formatDuration(tier.shortWindowMs);
  const compare = tier.op === 'gte' ? '>=' : '>';
  const targets = tier.notificationTargets ?? [];
  // At least `guard` events an hour on average over the long window.
  const minEvents = guard && tidy((guard * tier.longWindowMs) / HOUR);
  const alert: GeneratedAlertTier = {
    name: tier.name,
    severity: tier.severity,
    factor,
    threshold,
    longWindow: long,
    shortWindow: short,
    ...(tier.for && { for: tier.for }),
    ...(targets.length && { notificationTargets: targets.map(t => t.name) }),
  };
  const rule: PrometheusRule = {
    alert: `${pascalCase(context.sloName)}ErrorBudgetBurn`,
    expr: [
      `slo:sli_error:ratio_rate${long}${match} ${compare} (${factor} * ${errorBudget})`,
      'and',
      `slo:sli_error:ratio_rate${short}${match} ${compare} (${factor} * ${errorBudget})`,
      ...(minEvents
        ? ['and', `slo:sli_events:increase${long}${match} >= ${minEvents}`]
        : []),
    ].join('\n'),
    ...(tier.for && { for: tier.for }),
    labels: {
      ...context.labels,
      severity: tier.severity,
      slo_tier: tier.name,
      // The policies' notification targets, for Alertmanager routes:
      // notification_targets=~"(.*,)?storefront-oncall(,.*)?".
      ...(targets.length && {
        notification_targets: targets.map(t => t.name).join(','),
      }),
    },
    annotations: {
      summary: `${context.objectiveName}: error budget burning ${factor}× too fast`,
      description: describe(context, tier, { factor, threshold, minEvents }),
      ...(context.runbookUrl && { runbook_url: context.runbookUrl }),
      ...(targets.length && {
        notification_targets: targets
          .map(t => `${t.name} (${t.target})`)
          .join(', '),
      }),
    },
  };
  return { rule, alert };
}

function describe(
  context: BurnRateAlertContext,
  tier: AlertTier,
  figures: { factor: number; threshold: number; minEvents: number },
): string {
  const { objectiveName, target, errorBudget, periodMs } = context;
  const { factor, threshold, minEvents } = figures;
  const long = formatDuration(tier.longWindowMs);
  const short = formatDuration(tier.shortWindowMs);
  const spent = (factor * tier.longWindowMs) / periodMs;
  const exhaustedIn = Math.round(periodMs / factor / 60_000) * 60_000;
  return (
    `${objectiveName} (objective ${percent(target)} over ${formatDuration(
      periodMs,
    )}) has had an error ratio above ` +
    `${factor} × ${errorBudget} = ${threshold} over the last ${long} and ${short}. ` +
    `At this rate ${percent(spent)} of the error budget is spent in ${long} ` +
    `and all of it in ${formatDuration(exhaustedIn)}.${
      minEvents
        ? ` It fires only with at least ${minEvents} events in ${long} (${context.minEventsPerHour} an hour).`
        : ''
    }`
  );
}
