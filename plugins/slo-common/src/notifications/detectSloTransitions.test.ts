import { detectSloTransitions } from './detectSloTransitions';
import { SloAlertState } from './sloAlertState';

const calm: SloAlertState = {
  pageFiring: false,
  budget: 'ok',
  releaseBlocked: false,
};

describe('detectSloTransitions', () => {
  it('remembers the first state without telling anyone', () => {
    const burning = {
      pageFiring: true,
      budget: 'exhausted',
      releaseBlocked: true,
    } as const;
    expect(detectSloTransitions(undefined, burning)).toEqual({
      transitions: [],
      state: burning,
    });
  });

  it('tells nothing when nothing changed', () => {
    expect(detectSloTransitions(calm, calm).transitions).toEqual([]);
  });

  it('tells when the page tier starts and stops firing', () => {
    const firing = { ...calm, pageFiring: true };
    expect(detectSloTransitions(calm, firing).transitions).toEqual([
      'pageStarted',
    ]);
    expect(detectSloTransitions(firing, calm).transitions).toEqual([
      'pageStopped',
    ]);
  });

  it('tells each fall of the budget once, and not its recovery', () => {
    const low = { ...calm, budget: 'low' } as const;
    const exhausted = { ...calm, budget: 'exhausted' } as const;
    expect(detectSloTransitions(calm, low).transitions).toEqual(['budgetLow']);
    expect(detectSloTransitions(low, exhausted).transitions).toEqual([
      'budgetExhausted',
    ]);
    // Straight from healthy to exhausted is one notification, not two.
    expect(detectSloTransitions(calm, exhausted).transitions).toEqual([
      'budgetExhausted',
    ]);
    expect(detectSloTransitions(low, low).transitions).toEqual([]);
    expect(detectSloTransitions(exhausted, low)).toEqual({
      transitions: [],
      state: low,
    });
  });

  it('keeps the last known budget level through an evaluation without data', () => {
    const low = { ...calm, budget: 'low' } as const;
    const noData = { pageFiring: false, releaseBlocked: false };
    const { transitions, state } = detectSloTransitions(low, noData);
    expect(transitions).toEqual([]);
    expect(state).toEqual(low);
    // The data comes back exhausted: told, against the level kept.
    expect(
      detectSloTransitions(state, { ...calm, budget: 'exhausted' }).transitions,
    ).toEqual(['budgetExhausted']);
    // Never known: nothing to fall from.
    expect(
      detectSloTransitions(noData, { ...noData, budget: 'exhausted' })
        .transitions,
    ).toEqual([]);
  });

  it('tells when the release gate flips either way', () => {
    const blocked = { ...calm, releaseBlocked: true };
    expect(detectSloTransitions(calm, blocked).transitions).toEqual([
      'releaseBlocked',
    ]);
    expect(detectSloTransitions(blocked, calm).transitions).toEqual([
      'releaseAllowed',
    ]);
  });

  it('tells several changes of one evaluation in a fixed order', () => {
    expect(
      detectSloTransitions(calm, {
        pageFiring: true,
        budget: 'low',
        releaseBlocked: true,
      }).transitions,
    ).toEqual(['pageStarted', 'budgetLow', 'releaseBlocked']);
  });
});
