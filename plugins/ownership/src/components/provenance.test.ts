import { describeProvenance } from './provenance';
import { shortRef } from './refs';

describe('describeProvenance', () => {
  it.each([
    [
      'explicit',
      ['component:default/cart-service'],
      'set explicitly on this entity',
    ],
    [
      'inherited',
      ['component:default/checkout-service', 'system:default/checkout'],
      'inherited from system:checkout',
    ],
    [
      'inherited',
      [
        'resource:default/checkout-db',
        'system:default/runtime',
        'domain:default/platform',
      ],
      'inherited from domain:platform via system:runtime',
    ],
    [
      'inherited',
      ['component:default/x'],
      'inherited from a parent you may not see',
    ],
    [
      'derived',
      ['component:default/checkout-service', 'resource:default/checkout-db'],
      'derived from resource:checkout-db',
    ],
    [
      'derived',
      ['resource:default/checkout-db'],
      'derived: this resource is owned by a platform team',
    ],
    [
      'default',
      ['component:default/checkout-service'],
      'default from spec.owner',
    ],
  ] as const)('%s via %j reads "%s"', (source, path, words) => {
    expect(describeProvenance({ source, path: [...path] })).toBe(words);
  });

  it('names other namespaces', () => {
    expect(
      describeProvenance({
        source: 'inherited',
        path: ['component:ops/a', 'system:ops/payments-core'],
      }),
    ).toBe('inherited from system:ops/payments-core');
  });
});

describe('shortRef', () => {
  it('leaves out the default namespace and lower-cases the kind', () => {
    expect(shortRef('System:default/payments-core')).toBe(
      'system:payments-core',
    );
    expect(shortRef('group:ops/sre')).toBe('group:ops/sre');
  });
});
