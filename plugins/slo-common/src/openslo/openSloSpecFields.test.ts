import { openSloSpecFields } from './openSloSpecFields';

describe('openSloSpecFields', () => {
  it('reads the fields of a refined schema (SLO)', () => {
    expect(openSloSpecFields('SLO')).toEqual([
      'description',
      'service',
      'indicator',
      'indicatorRef',
      'timeWindow',
      'budgetingMethod',
      'objectives',
      'alertPolicies',
    ]);
  });

  it('reads the fields of a plain schema (DataSource)', () => {
    expect(openSloSpecFields('DataSource')).toEqual([
      'description',
      'type',
      'connectionDetails',
    ]);
  });
});
