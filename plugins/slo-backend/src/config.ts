import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  durationToMs,
  ReleaseGatePolicy,
  StatusThresholds,
} from '@triad/plugin-slo-common';

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
  policy: {
    /** `slo.policy.*`: what applies where nothing more specific is set. */
    defaults: ReleaseGatePolicy;
    /** `slo.policy.teams`, by the team's full entity ref. */
    teams: ReadonlyMap<string, Partial<ReleaseGatePolicy>>;
  };
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
      defaults: {
        minRemainingBudget:
          config.getOptionalNumber('slo.policy.minRemainingBudget') ?? 0,
        blockOnPageAlert:
          config.getOptionalBoolean('slo.policy.blockOnPageAlert') ?? true,
      },
      teams: readTeamPolicies(config),
    },
    builtin: {
      retentionMs: ms('slo.builtin.retention', '35d'),
      maxBatchSize:
        config.getOptionalNumber('slo.builtin.maxBatchSize') ?? 10_000,
    },
    snapshotRetentionMs: ms('slo.snapshotRetention', '90d'),
  };
}

/**
 * `slo.policy.teams`: keys are team refs (`checkout-team`,
 * `group:default/checkout-team`). They are read from the raw object because
 * Backstage's config keys cannot hold the `/` of a namespaced ref.
 */
function readTeamPolicies(
  config: Config,
): Map<string, Partial<ReleaseGatePolicy>> {
  const raw = config.getOptional('slo.policy.teams');
  const teams = new Map<string, Partial<ReleaseGatePolicy>>();
  if (raw === undefined) return teams;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(
      'slo.policy.teams: must be an object of team refs to policies',
    );
  }
  for (const [key, value] of Object.entries(raw)) {
    const at = `slo.policy.teams["${key}"]`;
    let ref: string;
    try {
      ref = stringifyEntityRef(
        parseEntityRef(key, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch (e) {
      throw new Error(`${at}: is not an entity ref: ${(e as Error).message}`);
    }
    if (teams.has(ref)) {
      throw new Error(`${at}: ${ref} is configured twice`);
    }
    const policy = (value ?? {}) as Record<string, unknown>;
    if (typeof policy !== 'object' || Array.isArray(policy)) {
      throw new Error(`${at}: must be an object`);
    }
    const team: Partial<ReleaseGatePolicy> = {};
    for (const [setting, v] of Object.entries(policy)) {
      if (setting === 'minRemainingBudget') {
        if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
          throw new Error(
            `${at}.minRemainingBudget: must be a number from 0 to 1`,
          );
        }
        team.minRemainingBudget = v;
      } else if (setting === 'blockOnPageAlert') {
        if (typeof v !== 'boolean') {
          throw new Error(`${at}.blockOnPageAlert: must be true or false`);
        }
        team.blockOnPageAlert = v;
      } else {
        throw new Error(
          `${at}.${setting}: is not a setting; expected minRemainingBudget or blockOnPageAlert`,
        );
      }
    }
    teams.set(ref, team);
  }
  return teams;
}
