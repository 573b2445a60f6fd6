import { objectiveSliProblems } from './objectiveSliProblems';
import { objectiveIndicator, sliMetricSources } from './referenceFields';
import { ResolvedMetricSource, ResolvedObjective } from './resolvedSlo';
import { SliSpec } from './schema';
import { Site, SloResolution } from './SloResolution';
import { SloDocument } from './validateOpenSloDocument';

/**
 * One objective's SLI (see objectiveIndicator for which one) and the SLI's
 * data source.
 */
export function resolveObjective(
  resolution: SloResolution,
  slo: SloDocument,
  index: number,
): ResolvedObjective {
  const objective = slo.spec.objectives[index];
  const site: Site = { objective: index };
  const resolved: ResolvedObjective = { index, objective };
  const field = objectiveIndicator(slo.spec, index);
  // Where the SLI's fields are: in the SLO, or in the SLI document.
  let sliSite = site;
  let specPath = '';
  if (field?.indicator) {
    resolved.sli = {
      path: field.path,
      name: field.indicator.metadata.name,
      spec: field.indicator.spec,
    };
    specPath = `${field.path}.spec`;
  } else if (field?.ref) {
    const found = resolution.follow('SLI', field.ref, site, field.path);
    if (found) {
      resolved.sli = {
        path: field.path,
        name: found.document.metadata.name,
        spec: found.document.spec,
        document: found.document,
      };
      sliSite = found.site;
      specPath = 'spec';
    }
  } else {
    resolution.report(
      site,
      `spec.objectives[${index}].indicatorRef`,
      'the objective has no SLI: give indicator or indicatorRef on the SLO or the objective',
    );
  }
  if (!resolved.sli) return resolved;
  for (const p of objectiveSliProblems(
    objective,
    resolved.sli.spec,
    slo.spec.budgetingMethod,
  )) {
    resolution.report(site, `spec.objectives[${index}].${p.field}`, p.message);
  }
  const metricSource = resolveMetricSource(
    resolution,
    resolved.sli.spec,
    specPath,
    sliSite,
  );
  if (metricSource) resolved.metricSource = metricSource;
  return resolved;
}

/**
 * The SLI's data source: `metricSourceRef` before `type`; all metrics of one
 * SLI must share it.
 */
function resolveMetricSource(
  resolution: SloResolution,
  sli: SliSpec,
  specPath: string,
  site: Site,
): ResolvedMetricSource | undefined {
  const metrics = sliMetricSources(sli, specPath);
  const key = ({ metricSource: m }: (typeof metrics)[number]) =>
    m.metricSourceRef !== undefined
      ? `DataSource "${m.metricSourceRef}"`
      : `type ${m.type!.toLocaleLowerCase('en-US')}`;
  const [first] = metrics;
  const other = metrics.find(m => key(m) !== key(first));
  if (other) {
    resolution.report(
      site,
      other.path,
      `uses ${key(other)} but ${first.path} uses ${key(
        first,
      )}; all metrics of one SLI must use the same data source`,
    );
    return undefined;
  }
  const { metricSourceRef: ref, type } = first.metricSource;
  if (ref === undefined) return { type };
  const found = resolution.follow(
    'DataSource',
    ref,
    site,
    `${first.path}.metricSourceRef`,
    resolution.options.requireDataSources ?? true,
  );
  return {
    ref,
    ...(type !== undefined && { type }),
    ...(found && { dataSource: found.document }),
  };
}
