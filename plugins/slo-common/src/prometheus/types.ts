// The inputs and outputs of generatePrometheusRules.
import { OpenSloFileProblem } from './readOpenSloFiles';

/** One rule of a Prometheus rule group. */
export interface PrometheusRule {
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A Prometheus rule group. */
export interface PrometheusRuleGroup {
  name: string;
  rules: PrometheusRule[];
}

/** Options of {@link generatePrometheusRules}. */
export interface PrometheusRuleOptions {
  /** Only the SLOs with these names; every SLO when absent. */
  slos?: readonly string[];
  /** Labels added to every rule, e.g. `team: checkout`. */
  labels?: Readonly<Record<string, string>>;
  /** Added to every alert as the `runbook_url` annotation. */
  runbookUrl?: string;
  /**
   * Who answers for each service (by full entity ref, e.g.
   * `component:default/checkout-service`): its owner and its SRE role holder
   * become labels of its alerts, for Alertmanager to route by.
   */
  owners?: ReadonlyMap<string, ServiceOwners>;
  /** Names of the owner labels; default `owner` and `sre_owner`. */
  ownerLabels?: { owner?: string; sre?: string };
  /**
   * The minimum-traffic guard: an alert fires only when the SLI counted at
   * least this many events per hour, on average over the alert's long window.
   * An SLO's `triad.dev/min-events-per-hour` annotation overrides it (0: off).
   */
  minEventsPerHour?: number;
}

/** Who answers for a service, as entity refs. */
export interface ServiceOwners {
  /** `spec.owner`, e.g. `group:default/checkout-team`. */
  owner?: string;
  /** The holder of the SRE role, e.g. `group:default/sre-core`. */
  sre?: string;
}

/** Default names of the owner labels of alerts. */
export const DEFAULT_OWNER_LABELS = { owner: 'owner', sre: 'sre_owner' };

/** One burn-rate alert as generated, for outputs and reports. */
export interface GeneratedAlertTier {
  name: string;
  severity: string;
  /** Burn-rate factor k. */
  factor: number;
  /** The error ratio the alert fires above: k × (1 − target). */
  threshold: number;
  longWindow: string;
  shortWindow: string;
  for?: string;
  /** Names of the notification targets its alerts carry. */
  notificationTargets?: string[];
}

/** What was generated for one SLO. */
export interface GeneratedSloRules {
  name: string;
  namespace?: string;
  /** The period the factors were computed for. */
  periodMs: number;
  /** The service the SLO measures, as a full entity ref. */
  serviceRef: string;
  /** Its owners, as labelled on its alerts (when owners were given). */
  owners?: ServiceOwners;
  /** The minimum-traffic guard applied (events per hour), when one is. */
  minEventsPerHour?: number;
  objectives: Array<{
    index: number;
    displayName?: string;
    target: number;
    errorBudget: number;
    alerts: GeneratedAlertTier[];
  }>;
}

/** An SLO the generator wrote no rules for, on purpose, and why. */
export interface SkippedSlo {
  file?: string;
  name: string;
  namespace?: string;
  reason: string;
}

/** The outcome of {@link generatePrometheusRules}. */
export interface PrometheusRuleGeneration {
  groups: PrometheusRuleGroup[];
  slos: GeneratedSloRules[];
  problems: OpenSloFileProblem[];
  /** Composite SLOs: they have no SLI, so no PromQL of their own. */
  skipped: SkippedSlo[];
}

/** Labels the generator sets itself; `labels` may not override them. */
export const RESERVED_RULE_LABELS = [
  'slo',
  'slo_namespace',
  'slo_service',
  'slo_objective',
  'slo_tier',
  'severity',
  'notification_targets',
];
