import { SloResult } from '@triad/plugin-slo-common';

/** The fleet page's filters; an empty field does not filter. */
export interface SloFilter {
  /** Owner entity ref. */
  team: string;
  /** System entity ref. */
  system: string;
  status: string;
  /** Found in the title, name or service ref, in any case. */
  text: string;
}

/** The SLOs that pass every filter, in their order. */
export function filterSlos(
  slos: readonly SloResult[],
  filter: SloFilter,
): SloResult[] {
  const { team, system, status } = filter;
  const needle = filter.text.trim().toLocaleLowerCase();
  return slos.filter(
    s =>
      (!team || s.ownerRef === team) &&
      (!system || s.systemRef === system) &&
      (!status || s.status === status) &&
      (!needle ||
        `${s.title} ${s.name} ${s.serviceRef}`
          .toLocaleLowerCase()
          .includes(needle)),
  );
}
