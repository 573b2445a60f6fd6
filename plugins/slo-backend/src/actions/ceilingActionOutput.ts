import {
  DependencyCeilingResponse,
  formatPercent,
  targetAboveCeiling,
} from '@triad/plugin-slo-common';
import { ActionZod } from '@triad/backend-utils';

/*
 * What an entity's dependencies allow, as the actions return it: the answer
 * of the dependency-ceiling endpoint (the same service, not a second
 * computation) with the warning the SLO tab shows in words.
 */

/** Enough digits to tell 99.85005 % from 99.9 %, as the SLO tab does. */
const percent = (ratio: number | undefined) => formatPercent(ratio, 3);

/** The zod schema of the dependency ceiling in an action's output. */
export function ceilingOutputSchema(z: ActionZod) {
  const sloFigures = z.object({
    ref: z.string().describe('Entity reference of the SLO'),
    title: z.string().optional(),
    target: z.number().describe('The lowest target of its objectives'),
    sli: z
      .number()
      .optional()
      .describe('The SLI of that objective; absent without data'),
  });
  const dependency = z.object({
    ref: z.string().describe('The dependency, as a full entity reference'),
    path: z
      .array(z.string())
      .describe('dependsOn path from the entity (first) to it (last)'),
    soft: z
      .boolean()
      .describe(
        'Reached only through a dependency marked soft (it has a fallback): listed, not multiplied into the ceiling',
      ),
    slos: z.array(sloFigures),
    owner: z.string().optional().describe('Its owner (ownedBy)'),
    holders: z
      .array(z.object({ role: z.string(), ref: z.string() }))
      .optional()
      .describe('Who holds its SRE and platform roles'),
  });
  return z
    .object({
      kind: z.string().describe('The SLO kind compared, e.g. availability'),
      targetCeiling: z
        .number()
        .optional()
        .describe(
          "Product of the hard dependencies' lowest targets: the best availability their promises allow; absent without hard dependencies with SLOs",
        ),
      measuredCeiling: z
        .number()
        .optional()
        .describe(
          'Product of their SLIs over their windows; absent when one has no data',
        ),
      targetsAboveCeiling: z
        .array(z.string())
        .describe(
          "The entity's SLOs whose target is above targetCeiling: they promise more than the dependencies allow",
        ),
      slos: z.array(sloFigures).describe("The entity's own SLOs of the kind"),
      dependencies: z.array(dependency),
      hiddenDependencies: z
        .number()
        .describe(
          'Dependencies the caller may not read, left out with what lies only behind them',
        ),
      summary: z.string().describe('The ceiling in plain language'),
    })
    .describe(
      "What the entity's dependencies allow (the dependency-ceiling endpoint's answer)",
    );
}

/** The ceiling endpoint's answer in the shape of ceilingOutputSchema. */
export function toCeilingOutput(ceiling: DependencyCeilingResponse) {
  const { kind, targetCeiling, measuredCeiling, slos, dependencies } = ceiling;
  const above = slos.filter(s => targetAboveCeiling(s.target, targetCeiling));
  return {
    kind,
    targetCeiling,
    measuredCeiling,
    targetsAboveCeiling: above.map(s => s.ref),
    slos,
    dependencies,
    hiddenDependencies: ceiling.hiddenDependencies,
    summary: describeCeiling(ceiling, above),
  };
}

function describeCeiling(
  ceiling: DependencyCeilingResponse,
  above: DependencyCeilingResponse['slos'],
): string {
  const { kind, targetCeiling, measuredCeiling, dependencies } = ceiling;
  const hard = dependencies.filter(d => !d.soft);
  const soft = dependencies.length - hard.length;
  const softWords = soft
    ? ` ${soft} soft dependenc${
        soft === 1 ? 'y is' : 'ies are'
      } listed, not multiplied.`
    : '';
  if (targetCeiling === undefined) {
    return `No hard dependency has a ${kind} SLO, so they impose no ceiling.${softWords}`;
  }
  const names = hard.map(d => d.ref).join(', ');
  const measured =
    measuredCeiling === undefined
      ? ''
      : ` (measured: ${percent(measuredCeiling)})`;
  const warnings = above.map(
    s =>
      ` ${s.title ?? s.ref} targets ${percent(
        s.target,
      )}, above what its dependencies allow.`,
  );
  return `Its hard dependencies (${names}) allow at most ${percent(
    targetCeiling,
  )} ${kind}${measured}.${warnings.join('')}${softWords}`;
}
