import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './prometheusRulesAction.examples';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DEFAULT_OWNER_LABELS,
  OpenSloFileProblem,
  PrometheusRuleGeneration,
  formatOpenSloFileProblem,
  generatePrometheusRules,
} from '@triad/plugin-slo-common';
import { readOpenSloWorkspaceFiles } from '../lib/readOpenSloWorkspaceFiles';
import {
  ActionSchemaField,
  resolveWorkspacePath,
  workspaceRelative,
} from '@triad/scaffolder-utils';
import {
  alertTierOutputs,
  writeRouteTree,
  writeRuleFile,
} from '../lib/writeRuleFiles';
import {
  DEFAULT_OPENSLO_FILES,
  openSloFilesField,
} from './validateOpenSloAction';
import { OwnerLookupDeps } from '../lib/lookupServiceOwners';
import { lookupRuleOwners } from '../lib/lookupRuleOwners';

const DEFAULT_RULES_PATH = 'prometheus/slo-rules.yaml';

// The declarative input and output schema of the action.
const schema = {
  input: {
    files: openSloFilesField(
      'OpenSLO files or glob patterns in the workspace; default every .yaml and .yml file. SLIs, AlertPolicies and AlertConditions referenced by name must be among them',
    ),
    slos: z =>
      z
        .array(z.string())
        .optional()
        .describe('Only these SLOs (metadata.name); default all'),
    format: z =>
      z
        .enum(['plain', 'operator'])
        .optional()
        .describe(
          'plain: a Prometheus rule file; operator: a PrometheusRule resource. Default plain',
        ),
    path: z =>
      z
        .string()
        .optional()
        .describe(`Where to write the rules; default ${DEFAULT_RULES_PATH}`),
    labels: z =>
      z
        .record(z.string())
        .optional()
        .describe('Labels added to every rule, e.g. team: checkout-team'),
    runbookUrl: z =>
      z
        .string()
        .optional()
        .describe('Set as the runbook_url annotation of every alert'),
    name: z =>
      z
        .string()
        .optional()
        .describe(
          'format operator: metadata.name of the PrometheusRule; default the file name of path',
        ),
    namespace: z =>
      z
        .string()
        .optional()
        .describe('format operator: metadata.namespace of the PrometheusRule'),
    resourceLabels: z =>
      z
        .record(z.string())
        .optional()
        .describe(
          "format operator: labels of the PrometheusRule that your Prometheus's ruleSelector picks",
        ),
    labelOwners: z =>
      z
        .boolean()
        .optional()
        .describe(
          "Label every alert with its service's owner (catalog) and SRE role holder (ownership backend), as you may see them. Default false",
        ),
    ownerLabels: z =>
      z
        .object({
          owner: z.string().optional(),
          sre: z.string().optional(),
        })
        .optional()
        .describe('Names of the owner labels; default owner and sre_owner'),
    sreRole: z =>
      z
        .string()
        .optional()
        .describe('The ownership role of the SRE label; default sre'),
    minEventsPerHour: z =>
      z
        .number()
        .min(0)
        .optional()
        .describe(
          "Alerts also need this many events an hour over their long window; an SLO's triad.dev/min-events-per-hour annotation overrides it",
        ),
    alertmanagerPath: z =>
      z
        .string()
        .optional()
        .describe(
          "Also write an Alertmanager route tree here: each team's pages to a receiver named after it (needs labelOwners)",
        ),
    routeBy: z =>
      z
        .enum(['owner', 'sre'])
        .optional()
        .describe('Route on the owner (default) or the SRE holder label'),
    defaultReceiver: z =>
      z
        .string()
        .optional()
        .describe('Receiver of every other alert; default slo-default'),
  } satisfies Record<string, ActionSchemaField>,
  output: {
    path: z => z.string().describe('The rule file that was written'),
    content: z => z.string().describe('The text of the rule file'),
    alertmanagerPath: z =>
      z
        .string()
        .optional()
        .describe('The Alertmanager route tree that was written, if any'),
    rules: z => z.number().describe('Number of rules written'),
    alerts: z =>
      z
        .array(
          z.object({
            slo: z.string(),
            objective: z.number(),
            name: z.string(),
            severity: z.string(),
            factor: z.number(),
            threshold: z.number(),
            longWindow: z.string(),
            shortWindow: z.string(),
          }),
        )
        .describe(
          'Every alert tier: burn-rate factor, the error ratio it fires above, and its windows',
        ),
  } satisfies Record<string, ActionSchemaField>,
};

/**
 * `slo:prometheus:rules`: generates Prometheus recording and multi-window,
 * multi-burn-rate alert rules from the OpenSLO documents of workspace files,
 * with slo-common's generator (the CLI uses the same one). With the catalog,
 * discovery and auth it can label alerts with their owners, asked on behalf
 * of the user.
 *
 * @public
 */
export function createPrometheusRulesAction(ownerDeps?: OwnerLookupDeps) {
  return createTemplateAction({
    id: 'slo:prometheus:rules',
    description:
      "Generates Prometheus recording rules and multi-window, multi-burn-rate alert rules (factors from each SLO's own period, page and ticket severities, labels, runbook annotation) from OpenSLO files, as a plain rule file or a Prometheus Operator PrometheusRule.",
    supportsDryRun: true,
    examples,
    schema,
    async handler(ctx) {
      const { input, workspacePath } = ctx;
      const file = resolveWorkspacePath(
        workspacePath,
        input.path ?? DEFAULT_RULES_PATH,
        'path',
      );
      const relPath = workspaceRelative(workspacePath, file);
      const patterns = input.files?.length
        ? input.files
        : DEFAULT_OPENSLO_FILES;
      const read = await readOpenSloWorkspaceFiles(
        workspacePath,
        patterns,
        'files',
      );
      // The rule file of an earlier run is not an input.
      const documents = read.documents.filter(d => d.file !== relPath);
      const amFile = alertmanagerFile(workspacePath, input);
      const owners = input.labelOwners
        ? await lookupRuleOwners(ownerDeps, documents, input, ctx)
        : undefined;
      const ownerLabels = { ...DEFAULT_OWNER_LABELS, ...input.ownerLabels };
      const generated = generatePrometheusRules(documents, {
        slos: input.slos,
        labels: input.labels,
        runbookUrl: input.runbookUrl,
        owners,
        ownerLabels,
        minEventsPerHour: input.minEventsPerHour,
      });
      assertRulesGenerated(read, generated, patterns, ctx.logger);

      const sources = [...new Set(documents.map(d => d.file))].join(', ');
      const content = await writeRuleFile(workspacePath, file, generated, {
        ...input,
        sources,
      });
      if (amFile) {
        const routeBy = input.routeBy ?? 'owner';
        await writeRouteTree(workspacePath, amFile, generated, {
          routeBy,
          label: ownerLabels[routeBy],
          defaultReceiver: input.defaultReceiver ?? 'slo-default',
          sources,
        });
        ctx.output(
          'alertmanagerPath',
          workspaceRelative(workspacePath, amFile),
        );
      }

      const rules = generated.groups.reduce((n, g) => n + g.rules.length, 0);
      ctx.logger.info(
        `Wrote ${rules} rules for ${generated.slos.length} SLO${
          generated.slos.length === 1 ? '' : 's'
        } to ${relPath}`,
      );
      ctx.output('path', relPath);
      ctx.output('content', content);
      ctx.output('rules', rules);
      ctx.output('alerts', alertTierOutputs(generated));
    },
  });
}

/** The Alertmanager route tree's file, if wanted; it needs the owners. */
function alertmanagerFile(
  workspacePath: string,
  input: { alertmanagerPath?: string; labelOwners?: boolean },
): string | undefined {
  if (!input.alertmanagerPath) {
    return undefined;
  }
  const file = resolveWorkspacePath(
    workspacePath,
    input.alertmanagerPath,
    'alertmanagerPath',
  );
  if (!input.labelOwners) {
    throw new InputError(
      'alertmanagerPath: needs labelOwners: true, for the teams come from the owners',
    );
  }
  return file;
}

/** Throws the read and generation problems, or that no SLO was found. */
function assertRulesGenerated(
  read: { problems: OpenSloFileProblem[]; files: string[] },
  generated: PrometheusRuleGeneration,
  patterns: string[],
  logger: LoggerService,
) {
  // Composite SLOs have no PromQL of their own: skipped, not a failure.
  for (const skipped of generated.skipped) {
    logger.info(`Skipped SLO ${skipped.name}: ${skipped.reason}`);
  }
  const problems = [...read.problems, ...generated.problems];
  if (problems.length) {
    const lines = problems.map(formatOpenSloFileProblem);
    lines.forEach(line => logger.error(line));
    throw new InputError(
      `Cannot generate Prometheus rules:\n${lines
        .map(l => `- ${l}`)
        .join('\n')}`,
    );
  }
  if (!generated.groups.length) {
    throw new InputError(
      `files: no SLO ${generated.skipped.length ? 'with an SLI ' : ''}in ${
        read.files.join(', ') || patterns.join(', ')
      }`,
    );
  }
}
