import {
  interactionRelations,
  isInteractionExpired,
  orientInteraction,
} from './interactions';
import { InteractionMode, TeamType } from './types';

const team = 'group:default/a';
const other = 'group:default/b';

describe('orientInteraction', () => {
  it.each<
    [TeamType, InteractionMode, 'declaring team leads' | 'other team leads']
  >([
    ['stream-aligned', 'collaboration', 'declaring team leads'],
    ['enabling', 'collaboration', 'declaring team leads'],
    ['platform', 'x-as-a-service', 'declaring team leads'],
    ['complicated-subsystem', 'x-as-a-service', 'declaring team leads'],
    ['enabling', 'x-as-a-service', 'declaring team leads'],
    ['stream-aligned', 'x-as-a-service', 'other team leads'],
    ['enabling', 'facilitating', 'declaring team leads'],
    ['stream-aligned', 'facilitating', 'other team leads'],
    ['platform', 'facilitating', 'other team leads'],
  ])('a %s team declaring %s: %s', (type, mode, expected) => {
    const oriented = orientInteraction(team, type, {
      with: other,
      mode,
      until: '2027-01-01',
    });
    expect(oriented).toEqual({
      mode,
      from: expected === 'declaring team leads' ? team : other,
      to: expected === 'declaring team leads' ? other : team,
      until: '2027-01-01',
    });
  });
});

describe('interactionRelations', () => {
  it.each<[InteractionMode, string, string]>([
    ['collaboration', 'collaboratesWith', 'collaboratesWith'],
    ['x-as-a-service', 'providesServiceTo', 'consumesServiceOf'],
    ['facilitating', 'facilitates', 'facilitatedBy'],
  ])('%s gives %s and %s', (mode, forward, reverse) => {
    expect(interactionRelations({ mode, from: team, to: other })).toEqual([
      { source: team, type: forward, target: other },
      { source: other, type: reverse, target: team },
    ]);
  });
});

describe('isInteractionExpired', () => {
  it.each([
    [undefined, false],
    ['2026-11-27', true],
    ['2026-11-28', false],
    ['2027-03-31', false],
  ])('until %s on 2026-11-28 → %s', (until, expected) => {
    expect(isInteractionExpired(until, '2026-11-28')).toBe(expected);
  });
});
