import { SliSpec } from '../openslo/schema';
import { SloDocument } from '../openslo/validateOpenSloDocument';

/** Names what an SLO measures, e.g. `availability` or `latency`; it wins over the rule below. */
export const SLO_KIND_ANNOTATION = 'triad.dev/slo-kind';

/** The kind of an Occurrences SLO over a ratio of requests. */
export const AVAILABILITY_SLO_KIND = 'availability';

/**
 * What an SLO measures, so a service's SLOs are compared with its
 * dependencies' SLOs of the same kind: the `triad.dev/slo-kind` annotation,
 * else `availability` for an Occurrences SLO whose SLIs are all ratios of
 * events (good or bad over total requests), else undefined (not comparable).
 *
 * @param indicator - the SLI an `indicatorRef` on the SLO names, when it has one.
 */
export function sloKindOf(
  slo: SloDocument,
  indicator?: SliSpec,
): string | undefined {
  const annotations = slo.metadata.annotations as
    | Record<string, string>
    | undefined;
  const annotated = annotations?.[SLO_KIND_ANNOTATION]?.trim();
  if (annotated) return annotated;
  if (slo.spec.budgetingMethod !== 'Occurrences') return undefined;
  const shared = slo.spec.indicator?.spec ?? indicator;
  const slis = slo.spec.objectives.map(o => o.indicator?.spec ?? shared);
  return slis.length && slis.every(sli => sli?.ratioMetric)
    ? AVAILABILITY_SLO_KIND
    : undefined;
}
