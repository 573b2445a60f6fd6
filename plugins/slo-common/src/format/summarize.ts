import { SloObjectiveResult, SloResult } from '../api/types';
import { formatTimeToExhaustion } from './formatBudget';
import { formatBurnRate, formatPercent } from './formatPercent';

/** "27 %", or "less than 1 %" rather than a misleading "0 %". */
const wholePercent = (share: number) =>
  share > 0 && share < 0.005 ? 'less than 1 %' : `${Math.round(share * 100)} %`;

function budgetSentence(
  o: SloObjectiveResult,
  slo: Pick<SloResult, 'timeWindow' | 'period'>,
): string {
  const remaining = o.budget.remaining!;
  if (remaining <= 0) {
    return remaining < 0
      ? `The error budget is overspent: ${formatPercent(
          -remaining,
          1,
        )} more than the period allows has been used.`
      : 'The error budget is used up exactly.';
  }
  const left = `${formatPercent(remaining, 1)} of the error budget is left.`;
  if (!o.burnRate) return `${left} Nothing is burning it right now.`;
  const pace = o.burnRate > 1 ? 'faster than' : 'slower than';
  const gone = formatTimeToExhaustion(o, slo);
  let outlook = ` At the current rate the budget is gone in ${gone}.`;
  if (gone === 'not before the period ends') {
    outlook = ' At the current rate it lasts until the period ends.';
  } else if (gone.startsWith('more than')) {
    outlook = ` At the current rate it lasts ${gone}, longer than the window.`;
  }
  return `${left} It is burning at ${formatBurnRate(
    o.burnRate,
  )}, ${pace} the pace that would spend exactly the whole budget in one period.${outlook}`;
}

/**
 * The objective in words, for the people on call: budget left, how fast it
 * burns and when it is gone, whether the period would meet its objective if
 * it ended now, and for calendar periods the pace against the time gone.
 */
export function summarize(
  o: SloObjectiveResult,
  slo: Pick<SloResult, 'timeWindow' | 'period'>,
): string {
  if (o.budget.remaining === undefined) {
    return 'No traffic in this period, so there is nothing to measure yet: no data is neither success nor failure.';
  }
  const parts = [budgetSentence(o, slo)];
  if (o.sli !== undefined && o.sli < o.target) {
    parts.push(
      `The SLI so far, ${formatPercent(o.sli, 3)}, is below the ${formatPercent(
        o.target,
        3,
      )} target: if the period ended now it would miss its objective.`,
    );
  }
  if (o.pace) {
    parts.push(
      `This calendar period is ${wholePercent(
        o.pace.elapsedFraction,
      )} over and ${wholePercent(
        o.pace.spentFraction,
      )} of its budget is spent: ${o.pace.pace.replace('-', ' ')}.`,
    );
  }
  return parts.join(' ');
}
