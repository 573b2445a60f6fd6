import { SloDocument } from '../openslo/validateOpenSloDocument';
import { sloKindOf } from './sloKindOf';

const ratio = {
  ratioMetric: {
    good: { metricSource: { type: 'builtin', spec: {} } },
    total: { metricSource: { type: 'builtin', spec: {} } },
  },
};
const threshold = {
  thresholdMetric: { metricSource: { type: 'builtin', spec: {} } },
};

const slo = (spec: object, annotations?: Record<string, string>) =>
  ({
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 's', ...(annotations ? { annotations } : {}) },
    spec: {
      service: 'svc',
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.999 }],
      ...spec,
    },
  } as unknown as SloDocument);

describe('sloKindOf', () => {
  it('counts an Occurrences SLO over a request ratio as availability', () => {
    const inline = { indicator: { metadata: { name: 'i' }, spec: ratio } };
    expect(sloKindOf(slo(inline))).toBe('availability');
    // By indicatorRef: the SLI the reference names is given.
    expect(sloKindOf(slo({ indicatorRef: 'i' }), ratio as any)).toBe(
      'availability',
    );
  });

  it('leaves thresholds, time slices and unknown SLIs without a kind', () => {
    const t = { indicator: { metadata: { name: 'i' }, spec: threshold } };
    expect(sloKindOf(slo(t))).toBeUndefined();
    const slices = {
      budgetingMethod: 'Timeslices',
      indicator: { metadata: { name: 'i' }, spec: ratio },
    };
    expect(sloKindOf(slo(slices))).toBeUndefined();
    expect(sloKindOf(slo({ indicatorRef: 'i' }))).toBeUndefined();
  });

  it('needs every objective over a ratio when objectives carry their own SLIs', () => {
    const objectives = (second: object) => ({
      objectives: [
        { target: 0.99, indicator: { metadata: { name: 'a' }, spec: ratio } },
        { target: 0.99, indicator: { metadata: { name: 'b' }, spec: second } },
      ],
    });
    expect(sloKindOf(slo(objectives(ratio)))).toBe('availability');
    expect(sloKindOf(slo(objectives(threshold)))).toBeUndefined();
  });

  it('takes the triad.dev/slo-kind annotation over the rule', () => {
    const t = { indicator: { metadata: { name: 'i' }, spec: threshold } };
    expect(sloKindOf(slo(t, { 'triad.dev/slo-kind': ' latency ' }))).toBe(
      'latency',
    );
    expect(sloKindOf(slo(t, { 'triad.dev/slo-kind': 'availability' }))).toBe(
      'availability',
    );
  });
});
