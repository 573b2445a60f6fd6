import { formatDuration } from '../math/duration';
import { SHORT_WINDOW_ANNOTATION } from '../openslo/resolveAlertConditions';
import { entityName } from './importHelpers';
import { ImportNote, ImportOptions, ImportResult } from './importTypes';

type Json = Record<string, any>;

const MINUTE_NS = 60_000_000_000n;

/**
 * One of Pyrra's four burn-rate alerts for an SLO window. Pyrra scales the
 * windows it uses for 28 days (1 h/5 m, 6 h/30 m, 1 d/2 h, 4 d/6 h, each
 * waiting half its short window) to the SLO's window, to the nearest minute,
 * with burn-rate factors 14, 7, 2 and 1; the first two are critical, the
 * others warnings.
 */
export interface PyrraAlertWindow {
  tier: 'fastBurn' | 'mediumBurn' | 'slowBurn' | 'longTermBurn';
  severity: string;
  longMs: number;
  shortMs: number;
  forMs: number;
  factor: number;
}

/** `window / divisor`, truncated to the nanosecond, rounded to the minute (half away from zero). */
function scaled(windowMs: number, divisor: number): number {
  const ns = (BigInt(Math.round(windowMs)) * 1_000_000n) / BigInt(divisor);
  const minutes = (ns + MINUTE_NS / 2n) / MINUTE_NS;
  return Number(minutes) * 60_000;
}

/** Pyrra's alert windows for an SLO window of `windowMs`. */
export function pyrraAlertWindows(windowMs: number): PyrraAlertWindow[] {
  // Divisors of the window that give the 28-day figures.
  const tiers: Array<[PyrraAlertWindow['tier'], string, number[], number]> = [
    ['fastBurn', 'critical', [28 * 24, 28 * 24 * 12, 28 * 24 * 30], 14],
    ['mediumBurn', 'critical', [28 * 4, 28 * 24 * 2, 28 * 24 * 4], 7],
    ['slowBurn', 'warning', [28, 28 * 12, 28 * 24], 2],
    ['longTermBurn', 'warning', [7, 28 * 4, 28 * 8], 1],
  ];
  return tiers.map(([tier, severity, [long, short, wait], factor]) => ({
    tier,
    severity,
    longMs: scaled(windowMs, long),
    shortMs: scaled(windowMs, short),
    forMs: scaled(windowMs, wait),
    factor,
  }));
}

/** Milliseconds of a Prometheus duration such as `2w`, `28d` or `1d12h`. */
function promDurationMs(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const units: Record<string, number> = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 7 * 86_400_000,
    y: 365 * 86_400_000,
  };
  if (!/^(\d+(ms|s|m|h|d|w|y))+$/.test(text)) return undefined;
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) {
    ms += Number(n) * units[unit];
  }
  return ms > 0 ? ms : undefined;
}

/** Whether a parsed YAML document is a Pyrra ServiceLevelObjective. */
export function isPyrraSlo(doc: unknown): boolean {
  const d = doc as Json | null;
  return (
    typeof d?.apiVersion === 'string' &&
    d.apiVersion.startsWith('pyrra.dev/') &&
    d.kind === 'ServiceLevelObjective'
  );
}

/**
 * Converts a Pyrra `ServiceLevelObjective` into an OpenSLO v1 SLO with the
 * same SLI (ratio, latency histogram buckets, or a boolean gauge), target,
 * window and Pyrra's four burn-rate alerts (windows, factors, waits and
 * severities); short windows that are not a twelfth of the long one are kept
 * in the `triad.dev/short-window` annotation. Says what it leaves behind.
 */
export function importPyrraSlo(
  doc: unknown,
  options: ImportOptions = {},
): ImportResult {
  const d = doc as Json;
  const spec: Json = d.spec ?? {};
  const source = `Pyrra ServiceLevelObjective "${d.metadata?.name}"`;
  const notes: ImportNote[] = [];
  const note = (field: string, message: string) =>
    notes.push({ source, field, message });
  const none = { documents: [], notes };

  const name = entityName(String(d.metadata?.name ?? ''));
  if (!name) {
    note('metadata.name', 'is required');
    return none;
  }
  const target = Number(spec.target);
  if (!(target > 0 && target < 100)) {
    note(
      'spec.target',
      `"${spec.target}" is not a percentage below 100; an objective of 100 % leaves no error budget. Not imported`,
    );
    return none;
  }
  if (target < 1) {
    note(
      'spec.target',
      `${target} is read as a percentage (${target} %), as Pyrra reads it, not as ${
        target * 100
      } %`,
    );
  }
  const windowMs = promDurationMs(spec.window);
  if (!windowMs) {
    note('spec.window', `"${spec.window}" is not a duration such as 28d`);
    return none;
  }
  const duration = /^\d+[mhdw]$/.test(spec.window)
    ? spec.window
    : formatDuration(windowMs);

  const indicator = pyrraIndicator(spec.indicator ?? {}, options, note);
  if (!indicator) return none;

  let service = options.service;
  if (!service) {
    service = name;
    note(
      'spec',
      `Pyrra names no service: spec.service is "${name}", the SLO's name; give the catalog component (--service) to change it`,
    );
  }
  if (d.metadata?.namespace) {
    note(
      'metadata.namespace',
      `"${d.metadata.namespace}" is a Kubernetes namespace, not a catalog one; the SLO goes to the default namespace`,
    );
  }
  const promLabels = Object.keys(d.metadata?.labels ?? {}).filter(l =>
    l.startsWith('pyrra.dev/'),
  );
  if (promLabels.length) {
    note(
      'metadata.labels',
      `${promLabels.join(
        ', ',
      )} label the rules in Pyrra; pass them with triad-slo rules --label`,
    );
  }

  const alerting: Json = spec.alerting ?? {};
  if (alerting.burnrates === false || alerting.disabled === true) {
    note(
      'spec.alerting.burnrates',
      "is off, but OpenSLO cannot say 'no alerts': Pyrra's four tiers are imported; drop their rules to stay silent",
    );
  }
  if (alerting.absent !== false) {
    note(
      'spec.alerting.absent',
      "Pyrra's alert for a missing metric has no OpenSLO equivalent; Triad shows such an SLO as having no data",
    );
  }
  if (alerting.name) {
    note(
      'spec.alerting.name',
      `Triad names the alerts after the SLO, not "${alerting.name}"`,
    );
  }
  for (const f of [
    'partial_response_strategy',
    'performanceOverAccuracy',
    'ruleOutput',
  ]) {
    if (spec[f] !== undefined) note(`spec.${f}`, 'has no OpenSLO equivalent');
  }

  const severities: Json = alerting.severities ?? {};
  const conditions = pyrraAlertWindows(windowMs).map(w => ({
    kind: 'AlertCondition',
    metadata: {
      name: `${name}-${w.tier.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`,
      ...(Math.round(w.longMs / 12) !== w.shortMs && {
        annotations: { [SHORT_WINDOW_ANNOTATION]: formatDuration(w.shortMs) },
      }),
    },
    spec: {
      description: `Pyrra's ${w.tier} alert: burn rate ${
        w.factor
      } over ${formatDuration(w.longMs)} and ${formatDuration(w.shortMs)}`,
      severity: String(severities[w.tier] ?? w.severity),
      condition: {
        kind: 'burnrate',
        op: 'gt',
        threshold: w.factor,
        lookbackWindow: formatDuration(w.longMs),
        alertAfter: formatDuration(w.forMs),
      },
    },
  }));

  return {
    documents: [
      {
        apiVersion: 'openslo/v1',
        kind: 'SLO',
        metadata: {
          name,
          annotations: { 'triad.dev/imported-from': `pyrra:${source}` },
        },
        spec: {
          ...(spec.description && { description: String(spec.description) }),
          service,
          indicator: { metadata: { name: `${name}-sli` }, spec: indicator },
          timeWindow: [{ duration, isRolling: true }],
          budgetingMethod: 'Occurrences',
          objectives: [{ targetPercent: target }],
          alertPolicies: [
            {
              kind: 'AlertPolicy',
              metadata: { name: `${name}-alerts` },
              spec: {
                description: "Pyrra's multi-burn-rate alerts",
                alertWhenBreaching: true,
                conditions,
              },
            },
          ],
        },
      },
    ],
    notes,
  };
}

function pyrraIndicator(
  indicator: Json,
  options: ImportOptions,
  note: (field: string, message: string) => void,
): Json | undefined {
  const source = (query: unknown) => ({
    metricSource: {
      metricSourceRef: options.dataSource ?? 'prometheus',
      spec: { query: String(query ?? '').trim() },
    },
  });
  const grouping = (field: string, g: unknown) => {
    if (Array.isArray(g) && g.length) {
      note(
        `${field}.grouping`,
        `Triad measures one series per SLI, summed over ${g.join(
          ', ',
        )}; write one SLO per group to keep them apart`,
      );
    }
  };
  if (indicator.ratio) {
    grouping('spec.indicator.ratio', indicator.ratio.grouping);
    return {
      ratioMetric: {
        counter: true,
        bad: source(indicator.ratio.errors?.metric),
        total: source(indicator.ratio.total?.metric),
      },
    };
  }
  if (indicator.latency) {
    grouping('spec.indicator.latency', indicator.latency.grouping);
    return {
      ratioMetric: {
        counter: true,
        good: source(indicator.latency.success?.metric),
        total: source(indicator.latency.total?.metric),
      },
    };
  }
  if (indicator.bool_gauge) {
    grouping('spec.indicator.bool_gauge', indicator.bool_gauge.grouping);
    // The gauge is 1 when things are fine: its mean is the success ratio.
    return {
      ratioMetric: {
        rawType: 'success',
        raw: source(indicator.bool_gauge.metric),
      },
    };
  }
  note(
    indicator.latencyNative ? 'spec.indicator.latencyNative' : 'spec.indicator',
    indicator.latencyNative
      ? 'native histograms have no selector Triad can count; write the SLI as good and total queries. Not imported'
      : 'has none of ratio, latency or bool_gauge. Not imported',
  );
  return undefined;
}
