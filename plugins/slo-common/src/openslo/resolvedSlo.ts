import { BurnRateCondition, NotificationTarget } from '../math/alertTiers';
import { OpenSloReferenceKind } from './openSloReferences';
import { SliSpec, SloObjective } from './schema';
import {
  DataSourceDocument,
  SliDocument,
  SloDocument,
} from './validateOpenSloDocument';

/**
 * Finds a document by kind and by the name another document gives it; the
 * caller decides namespaces and where documents live (files, the catalog,
 * app-config). Undefined when there is none. What it returns is checked.
 */
export type OpenSloLookup = (
  kind: OpenSloReferenceKind,
  name: string,
) => unknown;

/** Options of {@link resolveSlo}. */
export interface ResolveSloOptions {
  /**
   * Whether a `metricSourceRef` the lookup does not find is a problem. Default
   * true; Prometheus rules only need the queries, not the data source.
   */
  requireDataSources?: boolean;
  /** The message for a document the lookup did not find. */
  notFound?(reference: { kind: OpenSloReferenceKind; name: string }): string;
}

/** Something referenced that is missing or unusable. */
export interface ResolutionProblem {
  /**
   * The SLO's field the problem is at or comes through, e.g.
   * `spec.objectives[1].indicatorRef`.
   */
  path: string;
  message: string;
  /** The objective it concerns; absent when it concerns the whole SLO (its alerting). */
  objective?: number;
  /** When the field at fault is in a referenced document: that document and the field. */
  inDocument?: { kind: OpenSloReferenceKind; name: string; path: string };
}

/** The SLI one objective measures. */
export interface ResolvedSli {
  /** The SLO's field it comes from: `spec.objectives[0].indicatorRef`, `spec.indicator`, … */
  path: string;
  name: string;
  spec: SliSpec;
  /** The SLI document, when the SLO refers to one by name. */
  document?: SliDocument;
}

/** Where an SLI's data comes from: a DataSource by name, or a bare type. */
export interface ResolvedMetricSource {
  /** `metricSourceRef`. */
  ref?: string;
  /** `type`: what inline sources give; with a ref, only a hint. */
  type?: string;
  /** The DataSource named by `ref`, when the lookup found it. */
  dataSource?: DataSourceDocument;
}

/** One objective with what measuring it takes. */
export interface ResolvedObjective {
  index: number;
  objective: SloObjective;
  sli?: ResolvedSli;
  metricSource?: ResolvedMetricSource;
}

/** Where a policy's alerts go (an OpenSLO AlertNotificationTarget). */
export type ResolvedNotificationTarget = NotificationTarget;

/** A burn-rate condition of one of the SLO's alert policies. */
export interface ResolvedAlertCondition extends BurnRateCondition {
  op: 'gt' | 'gte';
  /** The SLO's field it is declared at or reached through. */
  path: string;
  /**
   * The notification targets of the policies it belongs to, in order, once
   * each; absent when they name none.
   */
  notificationTargets?: ResolvedNotificationTarget[];
}

/** An SLO with everything it refers to. */
export interface ResolvedSlo {
  slo: SloDocument;
  objectives: ResolvedObjective[];
  /**
   * The conditions of its alert policies, in order; undefined when it has no
   * alert policy, and then the default tiers apply (see sloAlertTiers).
   */
  alertConditions?: ResolvedAlertCondition[];
  /** Every problem: the objectives', then the alerting's. */
  problems: ResolutionProblem[];
  /**
   * Every document looked up and not found, once each. An asynchronous caller
   * fetches these in one batch and resolves again, until nothing new is
   * missing (at most twice: SLO → SLI or policy → data source or condition).
   */
  missing: Array<{ kind: OpenSloReferenceKind; name: string }>;
}
