import {
  BurnAttributionResponse,
  formatCount,
  formatPercent,
} from '@triad/plugin-slo-common';
import { ActionZod } from '@triad/backend-utils';

/*
 * How much of an SLO's burn coincided with its dependencies' own burn, as the
 * actions return it: the burn-attribution endpoint's answer (the same
 * service, not a second computation) with the SLO tab's caveat in words.
 */

const percent = (ratio: number | undefined) => formatPercent(ratio, 1);

/** The zod schema of one SLO's burn attribution in an action's output. */
export function attributionOutputSchema(z: ActionZod) {
  const dependency = z.object({
    ref: z.string().describe('The dependency, as a full entity reference'),
    path: z
      .array(z.string())
      .describe('dependsOn path from the entity (first) to it (last)'),
    soft: z.boolean().describe('Reached only through a soft dependency'),
    slos: z
      .array(
        z.object({
          ref: z.string(),
          title: z.string().optional(),
          target: z.number(),
        }),
      )
      .describe('Its SLOs of the kind; a step counts when one burned > 1×'),
    owner: z.string().optional().describe('Its owner (ownedBy)'),
    holders: z
      .array(z.object({ role: z.string(), ref: z.string() }))
      .optional()
      .describe('Who holds its SRE and platform roles'),
    burned: z
      .number()
      .describe(
        "The SLO's bad events (bad slices) in the steps where the dependency burned faster than 1×",
      ),
    share: z
      .number()
      .optional()
      .describe(
        'burned / all the SLO burned: the share that coincided with the dependency (not that it caused); shares overlap; absent when the SLO burned nothing',
      ),
    buckets: z.number().describe('Steps in which the dependency burned > 1×'),
  });
  return z
    .object({
      sloRef: z.string().describe('Entity reference of the SLO'),
      from: z.string().describe('Start of the window read'),
      to: z.string().describe('End of the window read (now)'),
      stepMs: z.number().describe('Length of one step of the window'),
      burned: z
        .number()
        .optional()
        .describe("The SLO's bad events (bad slices) over the window"),
      problem: z
        .string()
        .optional()
        .describe("Why nothing is attributed: the SLO's counts are unreadable"),
      dependencies: z
        .array(dependency)
        .describe('Dependencies with SLOs, largest share first'),
      hiddenDependencies: z
        .number()
        .describe('Dependencies the caller may not read, left out'),
      summary: z.string().describe('The attribution in plain language'),
    })
    .describe(
      "The share of the SLO's burn that coincided with each dependency burning its own budget faster than 1× (the burn-attribution endpoint's answer)",
    );
}

export type AttributionOutput = ReturnType<typeof toAttributionOutput>;

/** The burn-attribution endpoint's answer in the shape of the schema. */
export function toAttributionOutput(attribution: BurnAttributionResponse) {
  const { slo, from, to, stepMs, burned, problem } = attribution;
  return {
    sloRef: slo.ref,
    from,
    to,
    stepMs,
    ...(burned === undefined ? {} : { burned }),
    ...(problem ? { problem } : {}),
    dependencies: attribution.dependencies,
    hiddenDependencies: attribution.hiddenDependencies,
    summary: describeAttribution(attribution),
  };
}

function describeAttribution(attribution: BurnAttributionResponse): string {
  const { slo, burned, problem, dependencies } = attribution;
  const name = slo.title ?? slo.ref;
  if (problem) return `${name}: nothing attributed. ${problem}`;
  if (!dependencies.length) {
    return `${name}: no dependency has an SLO of its kind to compare its burn with.`;
  }
  if (!burned) return `${name} burned no budget since ${attribution.from}.`;
  const parts = dependencies.map((d, i) => {
    const owner = d.owner ? ` (owned by ${d.owner})` : '';
    const head = `${percent(d.share ?? 0)} ${i ? '' : 'coincided '}with`;
    const rate = i ? '' : ' burning its own budget faster than 1×';
    return `${head} ${d.ref}${owner}${rate}`;
  });
  return `Of the ${formatCount(burned)} bad events ${name} burned since ${
    attribution.from
  }, ${parts.join(', ')}. Coinciding is not causing, and shares overlap.`;
}
