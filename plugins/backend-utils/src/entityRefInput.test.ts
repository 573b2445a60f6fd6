import { entityRefInput } from './entityRefInput';

describe('entityRefInput', () => {
  it('completes a short reference with the default kind and namespace', () => {
    expect(
      entityRefInput(' payments-gateway ', 'entityRef', 'component'),
    ).toEqual({
      kind: 'component',
      namespace: 'default',
      name: 'payments-gateway',
    });
    expect(
      entityRefInput('System:ops/checkout', 'entityRef', 'component'),
    ).toEqual({ kind: 'system', namespace: 'ops', name: 'checkout' });
  });

  it('names the field when the text is no reference', () => {
    for (const text of ['', 'component:', 'a:b:c/d/e', 'team/sub/name']) {
      expect(() => entityRefInput(text, 'sloRef', 'slo')).toThrow(
        `sloRef: "${text}" is not an entity reference such as slo:default/name`,
      );
    }
  });
});
