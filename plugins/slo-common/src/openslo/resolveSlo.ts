import { resolveAlertConditions } from './resolveAlertConditions';
import { OpenSloLookup, ResolvedSlo, ResolveSloOptions } from './resolvedSlo';
import { resolveObjective } from './resolveObjective';
import { SloResolution } from './SloResolution';
import { SloDocument } from './validateOpenSloDocument';

/**
 * Resolves an OpenSLO SLO: per objective its SLI and the SLI's data source
 * (resolveObjective), and the burn-rate conditions of its alert policies
 * (resolveAlertConditions). Pure: every document comes from `lookup`, and
 * every problem names the field it is at. Used by the SLO backend and the
 * rule generator (and so the scaffolder actions and the CLI).
 */
export function resolveSlo(
  slo: SloDocument,
  lookup: OpenSloLookup,
  options: ResolveSloOptions = {},
): ResolvedSlo {
  const resolution = new SloResolution(lookup, options);
  const objectives = slo.spec.objectives.map((_, index) =>
    resolveObjective(resolution, slo, index),
  );
  const alertConditions = resolveAlertConditions(resolution, slo);
  return {
    slo,
    objectives,
    ...(alertConditions && { alertConditions }),
    problems: resolution.problems,
    missing: resolution.missing,
  };
}
