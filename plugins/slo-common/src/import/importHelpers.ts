import { ImportOptions } from './importTypes';

type Json = Record<string, any>;

/** Records what an importer leaves behind, at a field of the source document. */
export type ImportNoter = (field: string, message: string) => void;

/**
 * A catalog-safe document name: lower case, letters, digits and single
 * dashes (another tool's names may hold dots, underscores or capitals).
 */
export function entityName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/** A burn-rate factor as a document states it: ten significant digits. */
export function tidyFactor(n: number): number {
  return Number(n.toPrecision(10));
}

/** An imported SLI metric: the query, run by the Prometheus data source. */
export function importedMetric(options: ImportOptions, query: unknown): Json {
  return {
    metricSource: {
      metricSourceRef: options.dataSource ?? 'prometheus',
      spec: { query: String(query ?? '').trim() },
    },
  };
}

/** An SLI whose one query is the success or the failure ratio itself. */
export function importedRawRatio(
  options: ImportOptions,
  rawType: 'success' | 'failure',
  query: unknown,
): Json {
  return { ratioMetric: { rawType, raw: importedMetric(options, query) } };
}

/** What an importer carries over into the SLO document it writes. */
export interface ImportedSlo {
  name: string;
  displayName?: string;
  /** `<tool>:<source>`, kept in the `triad.dev/imported-from` annotation. */
  importedFrom: string;
  /** The source's description, kept when it has one. */
  description?: unknown;
  service: string;
  indicator: Json;
  duration: string;
  targetPercent: number;
  /** Describes the alert policy, which is left out without conditions. */
  alertsDescription: string;
  conditions: Json[];
}

/**
 * An OpenSLO v1 SLO with its SLI and alert policy inline, over a rolling
 * window and counting occurrences, as Sloth and Pyrra measure.
 */
export function importedSloDocument(slo: ImportedSlo): Json {
  const { name, conditions } = slo;
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name,
      ...(slo.displayName && { displayName: slo.displayName }),
      annotations: { 'triad.dev/imported-from': slo.importedFrom },
    },
    spec: {
      ...(slo.description ? { description: String(slo.description) } : {}),
      service: slo.service,
      indicator: { metadata: { name: `${name}-sli` }, spec: slo.indicator },
      timeWindow: [{ duration: slo.duration, isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ targetPercent: slo.targetPercent }],
      ...(conditions.length && {
        alertPolicies: [
          {
            kind: 'AlertPolicy',
            metadata: { name: `${name}-alerts` },
            spec: {
              description: slo.alertsDescription,
              alertWhenBreaching: true,
              conditions,
            },
          },
        ],
      }),
    },
  };
}
