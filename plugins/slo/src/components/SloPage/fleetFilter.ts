import { SloFleetFilter, SloStatus } from '@triad/plugin-slo-common';

/** The fleet page's filters as chosen; an empty field does not filter. */
export interface SloFilter {
  /** A group ref: SLOs of the group and the groups below it. */
  team: string;
  /** System entity ref. */
  system: string;
  status: string;
  /** Found in the title, SLO ref or service ref, in any case. */
  text: string;
}

export const NO_FILTER: SloFilter = {
  team: '',
  system: '',
  status: '',
  text: '',
};

/** The filters as the backend takes them (`GET /v1/slos`, `/rollups`). */
export function fleetFilter(filter: SloFilter): SloFleetFilter {
  const text = filter.text.trim();
  return {
    team: filter.team || undefined,
    system: filter.system || undefined,
    status: (filter.status as SloStatus) || undefined,
    text: text || undefined,
  };
}
