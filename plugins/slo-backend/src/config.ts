import { Config } from '@backstage/config';
import { durationToMs, StatusThresholds } from '@triad/plugin-slo-common';
import { BudgetPolicy } from './evaluation/decidePolicy';

/** An entry of `slo.dataSources`. */
export interface ConfiguredDataSource {
  name: string;
  type: string;
  /** The whole entry, handed to the data source as its connection details. */
  connectionDetails: Record<string, unknown>;
}

/** The settings of the SLO backend, see config.d.ts; defaults filled in. */
export interface SloBackendConfig {
  dataSources: ConfiguredDataSource[];
  evaluation: {
    cacheTtlMs: number;
    /** The default per-source timeout. */
    timeoutMs: number;
    /** Per data-source name, overriding `timeoutMs`. */
    sourceTimeoutsMs: ReadonlyMap<string, number>;
    frequencyMs: number;
    changeCheckMs: number;
    concurrency: number;
  };
  status: StatusThresholds;
  policy: BudgetPolicy;
  builtin: { retentionMs: number; maxBatchSize: number };
  snapshotRetentionMs: number;
}

/** Reads every `slo.*` key the backend uses, once, at start. */
export function readSloBackendConfig(config: Config): SloBackendConfig {
  const ms = (key: string, fallback: string) =>
    durationToMs(config.getOptionalString(key) ?? fallback);

  const changeCheckMs = ms('slo.evaluation.changeCheck', '10s');
  if (changeCheckMs < 1000) {
    throw new Error('slo.evaluation.changeCheck: must be at least one second');
  }

  const dataSources: ConfiguredDataSource[] = [];
  const sourceTimeoutsMs = new Map<string, number>();
  for (const c of config.getOptionalConfigArray('slo.dataSources') ?? []) {
    const name = c.getString('name');
    dataSources.push({
      name,
      type: c.getString('type'),
      connectionDetails: c.get() as Record<string, unknown>,
    });
    const timeout = c.getOptionalString('timeout');
    if (timeout) sourceTimeoutsMs.set(name, durationToMs(timeout));
  }

  return {
    dataSources,
    evaluation: {
      cacheTtlMs: ms('slo.evaluation.cacheTtl', '1m'),
      timeoutMs: ms('slo.evaluation.timeout', '10s'),
      sourceTimeoutsMs,
      frequencyMs: ms('slo.evaluation.frequency', '5m'),
      changeCheckMs,
      concurrency: config.getOptionalNumber('slo.evaluation.concurrency') ?? 8,
    },
    status: {
      warningBelow: config.getOptionalNumber('slo.status.warningBelow') ?? 0.25,
      breachedBelow: config.getOptionalNumber('slo.status.breachedBelow') ?? 0,
    },
    policy: {
      minRemainingBudget:
        config.getOptionalNumber('slo.policy.minRemainingBudget') ?? 0,
      blockOnPageAlert:
        config.getOptionalBoolean('slo.policy.blockOnPageAlert') ?? true,
    },
    builtin: {
      retentionMs: ms('slo.builtin.retention', '35d'),
      maxBatchSize:
        config.getOptionalNumber('slo.builtin.maxBatchSize') ?? 10_000,
    },
    snapshotRetentionMs: ms('slo.snapshotRetention', '90d'),
  };
}
