import { Entity } from '@backstage/catalog-model';
import { looksComposite } from './looksComposite';

const slo = (spec: unknown): Entity =>
  ({
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 's' },
    spec,
  } as Entity);

describe('looksComposite', () => {
  it('is true when an objective names another SLO', () => {
    expect(
      looksComposite(slo({ objectives: [{ target: 0.99 }, { sloRef: 'a' }] })),
    ).toBe(true);
  });

  it('is false for objectives with their own SLI, and for specs without objectives', () => {
    expect(looksComposite(slo({ objectives: [{ target: 0.99 }] }))).toBe(false);
    expect(looksComposite(slo({}))).toBe(false);
    expect(looksComposite(slo({ objectives: 'all of them' }))).toBe(false);
    expect(looksComposite(slo({ objectives: [null] }))).toBe(false);
    expect(looksComposite(slo(undefined))).toBe(false);
  });
});
