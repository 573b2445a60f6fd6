import { GroupResponsibilitiesResponse } from '@triad/plugin-ownership-common';
import { testIndex } from '../../__fixtures__/catalog';
import { groupResponsibilities } from './groupResponsibilities';

const index = testIndex();
const everything = () => true;

/** role → "entity by holder (source)" lines, for compact expectations. */
function held(response: GroupResponsibilitiesResponse) {
  return Object.fromEntries(
    response.roles.map(r => [
      r.role,
      r.items.map(
        i =>
          `${i.entity.ref} by ${i.heldBy.replace('group:default/', '')} (${
            i.provenance.source
          })`,
      ),
    ]),
  );
}

describe('groupResponsibilities', () => {
  it('lists what a team holds, per role', () => {
    const response = groupResponsibilities(
      index,
      'group:default/checkout-team',
      true,
      everything,
    );
    expect(response.group.title).toBe('Checkout');
    expect(response.teams.map(t => t.ref)).toEqual([
      'group:default/checkout-team',
    ]);
    expect(held(response)).toEqual({
      devops: [
        'component:default/cart-service by checkout-team (default)',
        'component:default/checkout-service by checkout-team (default)',
        'component:default/web by checkout-team (default)',
        'system:default/checkout by checkout-team (default)',
      ],
      // cart-service names a missing on-call group: not held by anyone.
      sre: [],
      platform: [],
    });
  });

  it('includes sub-teams on request', () => {
    const withSubTeams = groupResponsibilities(
      index,
      'group:default/infrastructure',
      true,
      everything,
    );
    expect(withSubTeams.teams.map(t => t.name)).toEqual([
      'infrastructure',
      'runtime-platform',
      'sre-core',
    ]);
    expect(held(withSubTeams)).toEqual({
      devops: ['resource:default/checkout-db by runtime-platform (default)'],
      sre: [
        'api:default/payments-api by sre-core (inherited)',
        'component:default/checkout-service by sre-core (inherited)',
        'component:default/ledger by sre-core (inherited)',
        'component:default/payments-gateway by sre-core (explicit)',
        'domain:default/payments by sre-core (explicit)',
        'system:default/checkout by sre-core (explicit)',
        'system:default/payments-core by sre-core (inherited)',
      ],
      platform: [
        'component:default/checkout-service by runtime-platform (derived)',
        'resource:default/checkout-db by runtime-platform (derived)',
      ],
    });

    const alone = groupResponsibilities(
      index,
      'group:default/infrastructure',
      false,
      everything,
    );
    expect(alone.includeSubTeams).toBe(false);
    expect(held(alone)).toEqual({ devops: [], sre: [], platform: [] });
  });

  it('leaves out sub-teams and entities the caller may not read', () => {
    const hidden = [
      'group:default/runtime-platform',
      'component:default/ledger',
      'system:default/checkout',
    ];
    const response = groupResponsibilities(
      index,
      'group:default/infrastructure',
      true,
      ref => !hidden.includes(ref),
    );
    expect(response.teams.map(t => t.name)).toEqual([
      'infrastructure',
      'sre-core',
    ]);
    expect(held(response).platform).toEqual([]);
    expect(held(response).sre).not.toContain(
      'component:default/ledger by sre-core (inherited)',
    );
    const checkout = response.roles[1].items.find(
      i => i.entity.name === 'checkout-service',
    );
    expect(checkout?.provenance.path).toEqual([
      'component:default/checkout-service',
    ]);
  });

  it('answers 404 for a group that is missing or not readable', () => {
    expect(() =>
      groupResponsibilities(index, 'group:default/ghosts', true, everything),
    ).toThrow('No group group:default/ghosts in the ownership index');
    expect(() =>
      groupResponsibilities(
        index,
        'group:default/sre-core',
        true,
        ref => ref !== 'group:default/sre-core',
      ),
    ).toThrow('No group group:default/sre-core in the ownership index');
  });

  it('asks about the visibility of what the teams hold, not of every entity', () => {
    const asked: string[] = [];
    groupResponsibilities(index, 'group:default/checkout-team', false, ref => {
      asked.push(ref);
      return true;
    });
    expect(asked).toContain('component:default/cart-service');
    expect(asked).not.toContain('component:default/ledger');
  });
});
