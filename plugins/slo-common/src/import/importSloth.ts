import { burnRateFactor } from '../math/alertTiers';
import { durationToMs } from '../math/duration';
import { SHORT_WINDOW_ANNOTATION } from '../openslo/resolveAlertConditions';
import { ImportNote, ImportOptions, ImportResult } from './importTypes';
import {
  entityName,
  importedMetric,
  importedRawRatio,
  importedSloDocument,
  ImportNoter,
  tidyFactor,
} from './importHelpers';

type Json = Record<string, any>;

/**
 * Sloth's built-in alert windows for its default 30-day period and for 28
 * days (its `AlertWindows` for both): page at 2 % of the budget in 1 h (short
 * window 5 m) and 5 % in 6 h (30 m); ticket at 10 % in 1 d (2 h) and 10 % in
 * 3 d (6 h). The factor is `p × T / w_L`: 14.4, 6, 3, 1 over 30 days.
 */
const SLOTH_WINDOWS = [
  { alert: 'page', speed: 'quick', budget: 0.02, long: '1h', short: '5m' },
  { alert: 'page', speed: 'slow', budget: 0.05, long: '6h', short: '30m' },
  { alert: 'ticket', speed: 'quick', budget: 0.1, long: '1d', short: '2h' },
  { alert: 'ticket', speed: 'slow', budget: 0.1, long: '3d', short: '6h' },
] as const;

/** Whether a parsed YAML document is a Sloth spec (plain or the Kubernetes resource). */
export function isSlothSpec(doc: unknown): boolean {
  const d = doc as Json | null;
  return (
    (d?.version === 'prometheus/v1' && Array.isArray(d.slos)) ||
    (typeof d?.apiVersion === 'string' &&
      d.apiVersion.startsWith('sloth.slok.dev/') &&
      d.kind === 'PrometheusServiceLevel')
  );
}

/**
 * Converts a Sloth `prometheus/v1` spec (or a `PrometheusServiceLevel`
 * resource) into OpenSLO v1 SLOs with the same SLI (`{{.window}}` queries kept:
 * Triad reads them), objective, period and alerting: Sloth's page and ticket
 * alerts become four burn-rate conditions with Sloth's windows and factors,
 * severities from the alerts' `severity` labels. Says what it leaves behind.
 */
export function importSlothSpec(
  doc: unknown,
  options: ImportOptions = {},
): ImportResult {
  const crd = (doc as Json).kind === 'PrometheusServiceLevel';
  const spec: Json = crd ? (doc as Json).spec ?? {} : (doc as Json);
  const at = crd ? 'spec.' : '';
  const notes: ImportNote[] = [];
  const documents: Json[] = [];
  const service = options.service ?? spec.service;
  const serviceNote = (field: string, message: string) =>
    notes.push({ source: `Sloth service "${spec.service}"`, field, message });

  if (typeof service !== 'string' || !service) {
    serviceNote(`${at}service`, 'is required: it becomes spec.service');
    return { documents, notes };
  }
  noteServiceFields(spec, at, serviceNote);
  (spec.slos ?? []).forEach((slo: Json, i: number) => {
    const source = `Sloth service "${spec.service}" SLO "${slo.name}"`;
    const note = (f: string, message: string) =>
      notes.push({ source, field: `${at}slos[${i}].${f}`, message });
    const document = slothSlo(spec.service, slo, source, {
      ...options,
      service,
      note,
    });
    if (document) documents.push(document);
  });
  return { documents, notes };
}

/** The service's fields that OpenSLO has no place for. */
function noteServiceFields(spec: Json, at: string, note: ImportNoter) {
  if (spec.labels && Object.keys(spec.labels).length) {
    note(
      `${at}labels`,
      `are Prometheus labels of every rule, which OpenSLO has no field for; pass them to the rules (triad-slo rules --label ${Object.entries(
        spec.labels,
      )
        .map(([k, v]) => `${k}=${v}`)
        .join(' --label ')})`,
    );
  }
  if (spec.slo_plugins) {
    note(`${at}slo_plugins`, 'Sloth plugins have no OpenSLO equivalent');
  }
}

/** What every SLO of one Sloth service is imported with. */
type SlothSloOptions = ImportOptions & { service: string; note: ImportNoter };

/** One SLO of a Sloth service, or undefined (with a note) if it cannot be. */
function slothSlo(
  slothService: string,
  slo: Json,
  source: string,
  options: SlothSloOptions,
): Json | undefined {
  const { note } = options;
  const fullName = `${slothService}-${slo.name}`;
  const name = entityName(fullName);
  const indicator = slothIndicator(slo.sli ?? {}, options, note);
  if (!indicator) return undefined;
  const objective = Number(slo.objective);
  if (!(objective > 0 && objective < 100)) {
    note(
      'objective',
      `${slo.objective} is not a percentage below 100; an objective of 100 % leaves no error budget. The SLO was not imported`,
    );
    return undefined;
  }
  if (slo.labels && Object.keys(slo.labels).length) {
    note(
      'labels',
      'are Prometheus labels of its rules: pass them with --label',
    );
  }
  if (slo.plugins) note('plugins', 'Sloth plugins have no OpenSLO equivalent');
  const alerting: Json = slo.alerting ?? {};
  noteAlertingFields(alerting, name, note);
  const period = options.slothPeriod ?? '30d';
  const conditions = slothConditions(alerting, name, period, note);
  if (!conditions.length) {
    note(
      'alerting',
      "both alerts are disabled, but OpenSLO cannot say 'no alerts': Triad's default tiers apply",
    );
  }
  return importedSloDocument({
    name,
    ...(name !== fullName && { displayName: fullName }),
    importedFrom: `sloth:${source}`,
    description: slo.description,
    service: options.service,
    indicator,
    duration: period,
    targetPercent: objective,
    alertsDescription: "Sloth's multi-window, multi-burn-rate alerts",
    conditions,
  });
}

/** The SLO's alerting fields that OpenSLO has no place for. */
function noteAlertingFields(alerting: Json, name: string, note: ImportNoter) {
  if (alerting.name) {
    note(
      'alerting.name',
      `Triad names the alerts after the SLO ("${name}"), not "${alerting.name}"`,
    );
  }
  for (const key of ['labels', 'annotations'] as const) {
    if (alerting[key] && Object.keys(alerting[key]).length) {
      note(
        `alerting.${key}`,
        key === 'annotations' && alerting.annotations.runbook
          ? `have no OpenSLO field; pass the runbook with triad-slo rules --runbook-url ${alerting.annotations.runbook}`
          : `have no OpenSLO field; pass labels with triad-slo rules --label`,
      );
    }
  }
}

/** The burn-rate conditions of Sloth's page and ticket alerts that are not disabled. */
function slothConditions(
  alerting: Json,
  name: string,
  period: string,
  note: ImportNoter,
): Json[] {
  const conditions: Json[] = [];
  for (const alert of ['page', 'ticket'] as const) {
    const config: Json = alerting[`${alert}_alert`] ?? {};
    if (config.disable) {
      note(`alerting.${alert}_alert.disable`, `no ${alert} conditions`);
      continue;
    }
    const { severity = alert, ...otherLabels } = config.labels ?? {};
    if (Object.keys(otherLabels).length || config.annotations) {
      note(
        `alerting.${alert}_alert`,
        'labels other than severity, and annotations, have no OpenSLO field',
      );
    }
    for (const w of SLOTH_WINDOWS.filter(x => x.alert === alert)) {
      conditions.push(slothCondition(w, name, period, String(severity)));
    }
  }
  return conditions;
}

/** The condition of one of Sloth's windows. */
function slothCondition(
  w: (typeof SLOTH_WINDOWS)[number],
  name: string,
  period: string,
  severity: string,
): Json {
  return {
    kind: 'AlertCondition',
    metadata: {
      name: `${name}-${w.alert}-${w.speed}`,
      // Sloth's short windows are a twelfth of the long ones, as Triad's.
      ...(durationToMs(w.short) * 12 !== durationToMs(w.long) && {
        annotations: { [SHORT_WINDOW_ANNOTATION]: w.short },
      }),
    },
    spec: {
      description: `Sloth's ${w.alert} alert, ${w.speed} windows: ${
        w.budget * 100
      } % of the ${period} budget within ${w.long}`,
      severity,
      condition: {
        kind: 'burnrate',
        op: 'gt',
        threshold: tidyFactor(
          burnRateFactor(w.budget, durationToMs(period), durationToMs(w.long)),
        ),
        lookbackWindow: w.long,
      },
    },
  };
}

function slothIndicator(
  sli: Json,
  options: ImportOptions,
  note: ImportNoter,
): Json | undefined {
  const source = (query: string) => importedMetric(options, query);
  if (sli.events) {
    const { error_query: bad, total_query: total } = sli.events;
    if (typeof bad !== 'string' || typeof total !== 'string') {
      note('sli.events', 'needs error_query and total_query; not imported');
      return undefined;
    }
    // Sloth's queries are usually rates; only increase() counts events, which
    // the budget in events needs.
    return {
      ratioMetric: {
        counter: /\bincrease\s*\(/.test(total),
        bad: source(bad),
        total: source(total),
      },
    };
  }
  if (sli.raw) {
    if (typeof sli.raw.error_ratio_query !== 'string') {
      note('sli.raw', 'needs error_ratio_query; not imported');
      return undefined;
    }
    return importedRawRatio(options, 'failure', sli.raw.error_ratio_query);
  }
  note(
    sli.plugin ? 'sli.plugin' : 'sli',
    sli.plugin
      ? `the SLI plugin "${sli.plugin.id}" runs inside Sloth; write its queries as sli.events to import this SLO`
      : 'has neither events nor raw; not imported',
  );
  return undefined;
}
