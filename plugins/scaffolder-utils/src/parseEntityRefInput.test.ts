import { parseEntityRefInput } from './parseEntityRefInput';

describe('parseEntityRefInput', () => {
  it('takes a full reference, and a name as a component in the default namespace', () => {
    expect(parseEntityRefInput('system:payments/ledger', 'entityRef')).toEqual({
      kind: 'system',
      namespace: 'payments',
      name: 'ledger',
    });
    expect(parseEntityRefInput('checkout', 'entityRef')).toEqual({
      kind: 'component',
      namespace: 'default',
      name: 'checkout',
    });
  });

  it.each(['', 'component:', ':x', 'component:default/'])(
    'refuses %p with an input error naming the field',
    value => {
      expect(() => parseEntityRefInput(value, 'service')).toThrow(
        expect.objectContaining({
          name: 'InputError',
          message: `service: "${value}" is not an entity reference such as component:default/checkout-service`,
        }),
      );
    },
  );
});
