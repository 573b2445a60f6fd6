import { formatDuration } from '../math/duration';
import { SHORT_WINDOW_ANNOTATION } from '../openslo/resolveAlertConditions';
import {
  entityName,
  importedMetric,
  importedRawRatio,
  importedSloDocument,
  ImportNoter,
} from './importHelpers';
import { ImportNote, ImportOptions, ImportResult } from './importTypes';
import { pyrraAlertWindows } from './pyrraAlertWindows';

type Json = Record<string, any>;

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
  const objective = pyrraObjective(spec, note);
  if (!objective) return none;
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
  noteMetadataFields(d.metadata ?? {}, note);
  noteAlertingFields(spec, note);
  const document = importedSloDocument({
    name,
    importedFrom: `pyrra:${source}`,
    description: spec.description,
    service,
    indicator,
    duration: objective.duration,
    targetPercent: objective.target,
    alertsDescription: "Pyrra's multi-burn-rate alerts",
    conditions: pyrraConditions(
      name,
      objective.windowMs,
      spec.alerting?.severities ?? {},
    ),
  });
  return { documents: [document], notes };
}

/** The SLO's target and window, or undefined (with a note) if either is unusable. */
function pyrraObjective(
  spec: Json,
  note: ImportNoter,
): { target: number; windowMs: number; duration: string } | undefined {
  const target = Number(spec.target);
  if (!(target > 0 && target < 100)) {
    note(
      'spec.target',
      `"${spec.target}" is not a percentage below 100; an objective of 100 % leaves no error budget. Not imported`,
    );
    return undefined;
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
    return undefined;
  }
  const duration = /^\d+[mhdw]$/.test(spec.window)
    ? spec.window
    : formatDuration(windowMs);
  return { target, windowMs, duration };
}

/** The Kubernetes metadata that has no place in the catalog. */
function noteMetadataFields(metadata: Json, note: ImportNoter) {
  if (metadata.namespace) {
    note(
      'metadata.namespace',
      `"${metadata.namespace}" is a Kubernetes namespace, not a catalog one; the SLO goes to the default namespace`,
    );
  }
  const promLabels = Object.keys(metadata.labels ?? {}).filter(l =>
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
}

/** Pyrra's alerting and rule settings that OpenSLO cannot say. */
function noteAlertingFields(spec: Json, note: ImportNoter) {
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
}

/** Pyrra's four burn-rate alerts as conditions, with the SLO's severities. */
function pyrraConditions(
  name: string,
  windowMs: number,
  severities: Json,
): Json[] {
  return pyrraAlertWindows(windowMs).map(w => ({
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
}

function pyrraIndicator(
  indicator: Json,
  options: ImportOptions,
  note: ImportNoter,
): Json | undefined {
  const source = (query: unknown) => importedMetric(options, query);
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
    return importedRawRatio(options, 'success', indicator.bool_gauge.metric);
  }
  note(
    indicator.latencyNative ? 'spec.indicator.latencyNative' : 'spec.indicator',
    indicator.latencyNative
      ? 'native histograms have no selector Triad can count; write the SLI as good and total queries. Not imported'
      : 'has none of ratio, latency or bool_gauge. Not imported',
  );
  return undefined;
}
