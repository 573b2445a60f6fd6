import { SloResult } from '../api/types';
import { describeSloTransition } from './describeSloTransition';

const slo = {
  title: 'Checkout availability',
  serviceRef: 'component:default/checkout-service',
  objectives: [
    {
      index: 0,
      displayName: 'Requests without a server error',
      budget: { remaining: 0.8125 },
      alerts: [
        { name: 'page-fast', severity: 'page', firing: true, longBurnRate: 20 },
        { name: 'ticket', severity: 'ticket', firing: true, longBurnRate: 3.5 },
      ],
    },
    { index: 1, budget: {}, alerts: [] },
  ],
} as unknown as SloResult;

describe('describeSloTransition', () => {
  it('says what happened, the figures and why the recipient is told', () => {
    expect(
      describeSloTransition('pageStarted', slo, [
        {
          ref: 'group:default/checkout-team',
          reasons: [
            {
              role: 'owner',
              roleTitle: 'Owner',
              provenance: {
                source: 'explicit',
                path: ['component:default/checkout-service'],
              },
            },
          ],
        },
        {
          ref: 'group:default/sre-core',
          reasons: [
            {
              role: 'sre',
              roleTitle: 'SRE',
              provenance: {
                source: 'inherited',
                path: [
                  'component:default/checkout-service',
                  'system:default/checkout',
                ],
              },
            },
          ],
        },
      ]),
    ).toEqual({
      title:
        'Checkout availability is burning its error budget fast (page alert firing)',
      description:
        'Requests without a server error: 81.25 % of the error budget left, page-fast firing at 20.0×; objective 2: no data. ' +
        'Sent to the holders of component:default/checkout-service: group:default/checkout-team as Owner (assigned on component:default/checkout-service); ' +
        'group:default/sre-core as SRE (inherited from system:default/checkout via component:default/checkout-service → system:default/checkout).',
      severity: 'high',
    });
  });

  it('gives recoveries a low severity', () => {
    expect(describeSloTransition('releaseAllowed', slo, []).severity).toBe(
      'low',
    );
    expect(describeSloTransition('budgetLow', slo, []).severity).toBe('normal');
  });
});
