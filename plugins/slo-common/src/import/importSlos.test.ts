import { resolveSlo } from '../openslo/resolveSlo';
import { sloAlertTiers } from '../openslo/sloAlertTiers';
import {
  SloDocument,
  validateOpenSloDocument,
} from '../openslo/validateOpenSloDocument';
import { importSlos } from './importSlos';
import { pyrraAlertWindows } from './pyrraAlertWindows';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** The tiers Triad alerts on for an imported SLO. */
function tiersOf(doc: Record<string, unknown>) {
  const valid = validateOpenSloDocument(doc);
  if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
  const resolved = resolveSlo(valid.document as SloDocument, () => undefined, {
    requireDataSources: false,
  });
  expect(resolved.problems).toEqual([]);
  return sloAlertTiers(resolved.alertConditions, 0).map(t => ({
    severity: t.severity,
    long: t.longWindowMs,
    short: t.shortWindowMs,
    factor: t.factor,
    for: t.for,
  }));
}

describe('pyrraAlertWindows', () => {
  it("scales Pyrra's 28-day windows to the SLO's window, to the minute", () => {
    expect(pyrraAlertWindows(28 * DAY)).toEqual([
      {
        tier: 'fastBurn',
        severity: 'critical',
        longMs: HOUR,
        shortMs: 5 * MIN,
        forMs: 2 * MIN,
        factor: 14,
      },
      {
        tier: 'mediumBurn',
        severity: 'critical',
        longMs: 6 * HOUR,
        shortMs: 30 * MIN,
        forMs: 15 * MIN,
        factor: 7,
      },
      {
        tier: 'slowBurn',
        severity: 'warning',
        longMs: DAY,
        shortMs: 2 * HOUR,
        forMs: HOUR,
        factor: 2,
      },
      {
        tier: 'longTermBurn',
        severity: 'warning',
        longMs: 4 * DAY,
        shortMs: 6 * HOUR,
        forMs: 3 * HOUR,
        factor: 1,
      },
    ]);
    // Two weeks: 2.5 minutes rounds away from zero, as Go's Duration.Round.
    expect(
      pyrraAlertWindows(14 * DAY).map(w => [
        w.longMs / MIN,
        w.shortMs / MIN,
        w.forMs / MIN,
      ]),
    ).toEqual([
      [30, 3, 1],
      [180, 15, 8],
      [720, 60, 30],
      [2880, 180, 90],
    ]);
  });
});

describe('importSlos', () => {
  const sloth = (alerting: Record<string, unknown>) => ({
    version: 'prometheus/v1',
    service: 'Orders.API',
    slos: [
      {
        name: 'Availability',
        objective: 99.5,
        sli: {
          raw: { error_ratio_query: 'orders:error_ratio:rate{{.window}}' },
        },
        alerting,
      },
    ],
  });

  it("keeps Sloth's windows and severities, and drops a disabled alert", () => {
    const { documents, notes, skipped } = importSlos(
      [
        sloth({ name: 'X', page_alert: { disable: true } }),
        { kind: 'Component' },
      ],
      { dataSource: 'mimir' },
    );
    expect(skipped).toBe(1);
    expect(documents).toHaveLength(1);
    const [doc] = documents as any[];
    expect(doc.metadata).toMatchObject({
      name: 'orders-api-availability',
      displayName: 'Orders.API-Availability',
    });
    expect(doc.spec.indicator.spec).toEqual({
      ratioMetric: {
        rawType: 'failure',
        raw: {
          metricSource: {
            metricSourceRef: 'mimir',
            spec: { query: 'orders:error_ratio:rate{{.window}}' },
          },
        },
      },
    });
    expect(tiersOf(doc)).toEqual([
      {
        severity: 'ticket',
        long: DAY,
        short: 2 * HOUR,
        factor: 3,
        for: undefined,
      },
      {
        severity: 'ticket',
        long: 3 * DAY,
        short: 6 * HOUR,
        factor: 1,
        for: undefined,
      },
    ]);
    expect(notes.map(n => n.field)).toEqual([
      'slos[0].alerting.name',
      'slos[0].alerting.page_alert.disable',
    ]);
  });

  it('reads the Kubernetes form of a Sloth spec, and refuses a 100 % objective', () => {
    const spec = sloth({ name: 'X' });
    spec.slos[0].objective = 100;
    const { documents, notes } = importSlos([
      { apiVersion: 'sloth.slok.dev/v1', kind: 'PrometheusServiceLevel', spec },
    ]);
    expect(documents).toEqual([]);
    expect(notes.map(n => n.field)).toEqual(['spec.slos[0].objective']);
  });

  it("keeps Pyrra's short windows that are not a twelfth, and a boolean gauge as a ratio", () => {
    const { documents, notes } = importSlos([
      {
        apiVersion: 'pyrra.dev/v1alpha1',
        kind: 'ServiceLevelObjective',
        metadata: { name: 'up' },
        spec: {
          target: '99',
          window: '28d',
          indicator: {
            bool_gauge: { metric: 'up{job="api"}', grouping: ['instance'] },
          },
          alerting: { absent: false },
        },
      },
    ]);
    const [doc] = documents as any[];
    expect(doc.spec.indicator.spec.ratioMetric).toMatchObject({
      rawType: 'success',
    });
    expect(tiersOf(doc).map(t => [t.long / HOUR, t.short / MIN])).toEqual([
      [1, 5],
      [6, 30],
      [24, 120],
      [96, 360],
    ]);
    expect(
      doc.spec.alertPolicies[0].spec.conditions[3].metadata.annotations,
    ).toEqual({ 'triad.dev/short-window': '6h' });
    expect(notes.map(n => n.field)).toEqual([
      'spec.indicator.bool_gauge.grouping',
      'spec',
    ]);
  });
});
