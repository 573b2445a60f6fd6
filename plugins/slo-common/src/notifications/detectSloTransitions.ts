import { BudgetLevel, SloAlertState } from './sloAlertState';

/** The changes of an SLO's state that people are told about. */
export const SLO_TRANSITIONS = [
  'pageStarted',
  'pageStopped',
  'budgetLow',
  'budgetExhausted',
  'releaseBlocked',
  'releaseAllowed',
] as const;

/** One change of an SLO's state that people are told about. */
export type SloTransition = (typeof SLO_TRANSITIONS)[number];

const LEVEL_ORDER: Record<BudgetLevel, number> = {
  ok: 0,
  low: 1,
  exhausted: 2,
};

/**
 * What changed between two states of one SLO, and the state to remember.
 *
 * The first state seen is remembered without a transition, so switching
 * notifications on for a fleet that already burns does not flood anyone.
 * The budget is compared only with a known earlier level and only when it
 * falls (a recovery is remembered, so the next fall is told again); an
 * evaluation without data keeps the earlier level.
 */
export function detectSloTransitions(
  previous: SloAlertState | undefined,
  current: SloAlertState,
): { transitions: SloTransition[]; state: SloAlertState } {
  const budget = current.budget ?? previous?.budget;
  const state: SloAlertState = {
    pageFiring: current.pageFiring,
    ...(budget && { budget }),
    releaseBlocked: current.releaseBlocked,
  };
  if (!previous) return { transitions: [], state };

  const transitions: SloTransition[] = [];
  if (!previous.pageFiring && current.pageFiring) {
    transitions.push('pageStarted');
  }
  if (previous.pageFiring && !current.pageFiring) {
    transitions.push('pageStopped');
  }
  if (
    previous.budget &&
    current.budget &&
    LEVEL_ORDER[current.budget] > LEVEL_ORDER[previous.budget]
  ) {
    transitions.push(
      current.budget === 'exhausted' ? 'budgetExhausted' : 'budgetLow',
    );
  }
  if (!previous.releaseBlocked && current.releaseBlocked) {
    transitions.push('releaseBlocked');
  }
  if (previous.releaseBlocked && !current.releaseBlocked) {
    transitions.push('releaseAllowed');
  }
  return { transitions, state };
}
