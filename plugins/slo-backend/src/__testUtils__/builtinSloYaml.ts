/**
 * An OpenSLO document (YAML, with its `---`) of an Occurrences availability
 * SLO `<name>-availability` measuring `service` with one objective, its
 * good and total requests read from the built-in series `name`.
 */
export function builtinSloYaml(options: {
  name: string;
  service: string;
  target: number;
  /** Rolling window, 7d unless given. */
  window?: string;
  displayName?: string;
}): string {
  const { name, service, target, window = '7d', displayName } = options;
  return `
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: ${name}-availability${
    displayName ? `, displayName: ${displayName}` : ''
  } }
spec:
  service: ${service}
  indicator:
    metadata: { name: ${name}-requests }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: builtin, spec: { series: ${name} } } }
        total: { metricSource: { type: builtin, spec: { series: ${name} } } }
  timeWindow: [{ duration: ${window}, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: ${target} }]
`;
}

/**
 * A composite SLO `name` (displayed as "`name` journey") measuring
 * `system`, with `objectives` as YAML: the parts' `sloRef`s and weights.
 */
export function compositeSloYaml(
  name: string,
  system: string,
  objectives: string,
): string {
  return `
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: ${name}, displayName: ${name} journey }
spec:
  service: ${system}
  budgetingMethod: Occurrences
  objectives: ${objectives}
`;
}
