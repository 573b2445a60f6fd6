import { stringifyEntityRef } from '@backstage/catalog-model';
import { AlertTier, BurnRateCondition } from '../math/alertTiers';
import { sloServiceRef } from '../openslo/model';
import { sloAlertTiers } from '../openslo/sloAlertTiers';
import { SloDocument } from '../openslo/validateOpenSloDocument';
import { LocatedOpenSloDocument, OpenSloFileProblem } from './readOpenSloFiles';
import { sloPeriodMs } from './sloPeriodMs';
import {
  DEFAULT_OWNER_LABELS,
  PrometheusRuleOptions,
  ServiceOwners,
} from './types';

/** Finds a document of the SLO's namespace by kind and name. */
export type NamespaceLookup = (
  kind: string,
  name: string,
) => LocatedOpenSloDocument | undefined;

/** A problem at a field of the SLO's document. */
export type SloProblemAt = (
  path: string,
  message: string,
) => OpenSloFileProblem;

/** What every objective of one SLO shares. */
export interface SloScope {
  slo: SloDocument;
  at: SloProblemAt;
  find: NamespaceLookup;
  options: PrometheusRuleOptions;
  periodMs: number;
  tiers: AlertTier[];
  /** Every window of a tier, ascending, and the long ones. */
  windows: number[];
  longWindows: number[];
  identity: Record<string, string>;
  serviceRef: string;
  /** The service's owners, when owners were given. */
  owners?: ServiceOwners;
  /** The owner labels of its alerts. */
  ownership: Record<string, string>;
  minEventsPerHour: number;
}

/** The scope of an SLO that resolved without problems. */
export function sloRulesScope(
  base: Pick<SloScope, 'slo' | 'at' | 'find' | 'options' | 'minEventsPerHour'>,
  alertConditions: readonly BurnRateCondition[] | undefined,
): SloScope {
  const { slo, options } = base;
  const namespace = slo.metadata.namespace;
  const periodMs = sloPeriodMs(slo.spec.timeWindow[0]);
  const tiers = sloAlertTiers(alertConditions, periodMs);
  const ascending = (values: number[]) =>
    [...new Set(values)].sort((a, b) => a - b);
  const serviceRef = stringifyEntityRef(sloServiceRef(slo));
  const owners = options.owners && { ...options.owners.get(serviceRef) };
  // Only alerts carry the owners: on recording rules a change of owner
  // would start new series and break every window over the change.
  const ownerLabels = { ...DEFAULT_OWNER_LABELS, ...options.ownerLabels };
  return {
    ...base,
    periodMs,
    tiers,
    windows: ascending(tiers.flatMap(t => [t.longWindowMs, t.shortWindowMs])),
    longWindows: ascending(tiers.map(t => t.longWindowMs)),
    identity: {
      slo: slo.metadata.name,
      ...(namespace && { slo_namespace: namespace }),
    },
    serviceRef,
    owners,
    ownership: {
      ...(owners?.owner && { [ownerLabels.owner]: owners.owner }),
      ...(owners?.sre && { [ownerLabels.sre]: owners.sre }),
    },
  };
}
