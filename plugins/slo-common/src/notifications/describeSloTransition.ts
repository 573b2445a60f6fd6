import { SloResult } from '../api/types';
import { formatBurnRate, formatPercent } from '../format/formatPercent';
import { SloTransition } from './detectSloTransitions';

/** Why someone receives a notification about an SLO: the role they hold for its service, and how. */
export interface SloRecipientReason {
  /** The role's name, e.g. `sre`, or `owner` for the service's `spec.owner`. */
  role: string;
  /** The role's title, e.g. `SRE`. */
  roleTitle: string;
  /**
   * How the ownership model found the holder (`explicit`, `inherited`,
   * `derived`, `default`) and the entities walked to the assignment.
   */
  provenance: { source: string; path: string[] };
}

/** Who receives a notification about an SLO, and why. */
export interface SloRecipient {
  /** A group or user, e.g. `group:default/sre-core`. */
  ref: string;
  reasons: SloRecipientReason[];
}

const SEVERITY: Record<SloTransition, 'high' | 'normal' | 'low'> = {
  pageStarted: 'high',
  budgetExhausted: 'high',
  releaseBlocked: 'high',
  budgetLow: 'normal',
  pageStopped: 'low',
  releaseAllowed: 'low',
};

function headline(t: SloTransition): string {
  switch (t) {
    case 'pageStarted':
      return 'is burning its error budget fast (page alert firing)';
    case 'pageStopped':
      return 'stopped burning its error budget fast (page alert resolved)';
    case 'budgetLow':
      return 'fell below its error-budget warning threshold';
    case 'budgetExhausted':
      return 'has exhausted its error budget';
    case 'releaseBlocked':
      return 'now blocks releases of its service';
    default:
      return 'no longer blocks releases of its service';
  }
}

/** "inherited along system:default/payments → domain:default/money". */
function describeProvenance(p: SloRecipientReason['provenance']): string {
  const via = p.path.length > 1 ? ` via ${p.path.join(' → ')}` : '';
  switch (p.source) {
    case 'explicit':
      return `assigned on ${p.path[p.path.length - 1] ?? 'the service'}`;
    case 'inherited':
      return `inherited from ${p.path[p.path.length - 1]}${via}`;
    case 'derived':
      return `derived${via}`;
    default:
      return 'the default (the service owner)';
  }
}

/**
 * The title, text and severity of the notification about one transition of
 * an SLO: what happened, the figures behind it, and who is told and why
 * (role and provenance). One notification goes to every recipient, so a
 * person in two recipient groups is told once.
 */
export function describeSloTransition(
  transition: SloTransition,
  slo: SloResult,
  recipients: readonly SloRecipient[],
): { title: string; description: string; severity: 'high' | 'normal' | 'low' } {
  const figures = slo.objectives.map(o => {
    const name = o.displayName ?? `objective ${o.index + 1}`;
    const left =
      o.budget.remaining === undefined
        ? 'no data'
        : `${formatPercent(o.budget.remaining)} of the error budget left`;
    const firing = o.alerts
      .filter(a => a.firing && a.severity === 'page')
      .map(a => `${a.name} firing at ${formatBurnRate(a.longBurnRate)}`);
    return `${name}: ${[left, ...firing].join(', ')}`;
  });
  const why = recipients.map(
    ({ ref, reasons }) =>
      `${ref} as ${reasons
        .map(r => `${r.roleTitle} (${describeProvenance(r.provenance)})`)
        .join(' and ')}`,
  );
  return {
    title: `${slo.title} ${headline(transition)}`,
    description: `${figures.join('; ')}. Sent to the holders of ${
      slo.serviceRef
    }: ${why.join('; ')}.`,
    severity: SEVERITY[transition],
  };
}
