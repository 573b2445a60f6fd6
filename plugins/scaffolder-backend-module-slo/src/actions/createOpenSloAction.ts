import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './createOpenSloAction.examples';
import { catalogLocationUpdate, resolveSloTargets } from '../lib/sloTargets';
import { JsonValue } from '@backstage/types';
import { SloDocument } from '@triad/plugin-slo-common';
import { buildSloDocument } from '../lib/buildSloDocument';
import {
  ActionSchemaField,
  readOptionalFile,
  upsertYamlDocument,
  workspaceRelative,
  writeWorkspaceFile,
} from '@triad/scaffolder-utils';

type Doc = {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown; namespace?: unknown };
};

const asDoc = (value: unknown): Doc =>
  typeof value === 'object' && value !== null ? (value as Doc) : {};

// The declarative input and output schema.
const schema = {
  input: {
    service: z =>
      z
        .string()
        .min(1)
        .describe(
          'The entity the SLO measures (spec.service): checkout-service or component:payments/ledger',
        ),
    type: z =>
      z
        .enum(['availability', 'latency', 'custom'])
        .optional()
        .describe(
          'availability: requests without a server error; latency: requests faster than latencyThresholdMs; custom: your own indicator. Default availability',
        ),
    name: z =>
      z
        .string()
        .optional()
        .describe(
          'metadata.name of the SLO; default <service name>-<type>. Re-running with the same name replaces the SLO',
        ),
    displayName: z =>
      z.string().optional().describe('Human-readable title of the SLO'),
    description: z =>
      z.string().optional().describe('What the SLO promises, in a sentence'),
    target: z =>
      z
        .number()
        .gt(0)
        .lt(1)
        .describe('The objective as a ratio: 0.999 for 99.9 %'),
    window: z =>
      z
        .string()
        .optional()
        .describe(
          'Rolling window such as 28d, 30d or 7d, or a calendar period (1M, 1Q) together with calendar. Default 28d',
        ),
    calendar: z =>
      z
        .object({
          startTime: z
            .string()
            .describe('Start of the first period: 2026-01-01 00:00:00'),
          timeZone: z.string().describe('IANA time zone: Europe/Berlin'),
        })
        .optional()
        .describe('Makes the window a calendar window'),
    budgetingMethod: z =>
      z
        .enum(['Occurrences', 'Timeslices', 'RatioTimeslices'])
        .optional()
        .describe('Default Occurrences'),
    timeSliceTarget: z =>
      z
        .number()
        .gt(0)
        .lte(1)
        .optional()
        .describe(
          'Timeslices: share of good events that makes a slice good, e.g. 0.95',
        ),
    timeSliceWindow: z =>
      z
        .string()
        .optional()
        .describe('Timeslices and RatioTimeslices: slice length, e.g. 1m'),
    latencyThresholdMs: z =>
      z
        .number()
        .positive()
        .optional()
        .describe(
          'type latency: the threshold in ms, used in the objective name and the default series',
        ),
    dataSource: z =>
      z
        .enum(['builtin', 'prometheus'])
        .optional()
        .describe(
          "Where the SLI comes from: Triad's built-in store (series) or Prometheus (queries). Default builtin",
        ),
    dataSourceRef: z =>
      z
        .string()
        .optional()
        .describe(
          'metricSourceRef: the data source name in slo.dataSources or a DataSource entity. Default: the value of dataSource',
        ),
    series: z =>
      z
        .string()
        .optional()
        .describe(
          'Built-in store series; default <service name>/requests (availability) or <service name>/requests-under-<ms>ms (latency)',
        ),
    queries: z =>
      z
        .object({
          good: z
            .string()
            .optional()
            .describe('Counter selector of good events'),
          bad: z
            .string()
            .optional()
            .describe('Counter selector of bad events (instead of good)'),
          total: z
            .string()
            .optional()
            .describe('Counter selector of all events'),
        })
        .optional()
        .describe(
          'Prometheus: counter selectors (wrapped in increase()) or PromQL with {{window}}',
        ),
    // JSON values, not unknown: the action's input type must stay a
    // JsonObject in the published declarations.
    indicator: z =>
      z
        .record(z.custom<JsonValue>())
        .optional()
        .describe(
          'type custom: the OpenSLO SLI spec (ratioMetric or thresholdMetric)',
        ),
    objective: z =>
      z
        .record(z.custom<JsonValue>())
        .optional()
        .describe(
          'Extra fields of the objective, e.g. op and value for a threshold SLI, or displayName',
        ),
    path: z =>
      z
        .string()
        .optional()
        .describe(
          'Workspace file for the SLO. Default: the catalog file, as an extra document',
        ),
    catalogFile: z =>
      z
        .union([z.string(), z.literal(false)])
        .optional()
        .describe(
          'The catalog file of the service. When path is another file, a Location pointing at it is added here unless one exists; false writes path on its own. Default catalog-info.yaml',
        ),
  } satisfies Record<string, ActionSchemaField>,
  output: {
    sloRef: z =>
      z.string().describe('Entity reference of the SLO: slo:default/<name>'),
    name: z => z.string().describe('metadata.name of the SLO'),
    path: z => z.string().describe('The file the SLO was written to'),
    catalogFile: z =>
      z
        .string()
        .optional()
        .describe('The catalog file that references path, when it differs'),
    replaced: z =>
      z.boolean().describe('True when an SLO of the same name was replaced'),
    content: z => z.string().describe('The text of path after writing'),
  } satisfies Record<string, ActionSchemaField>,
};

/**
 * `slo:openslo:create`: writes an OpenSLO v1 SLO (with its SLI inline) for a
 * service into its catalog file, or into another file that the catalog file
 * references through a Location.
 *
 * @public
 */
export function createOpenSloCreateAction() {
  return createTemplateAction({
    id: 'slo:openslo:create',
    description:
      'Writes a valid OpenSLO v1 SLO (availability, latency or custom) for a service, as an extra document of its catalog file or in a file the catalog file references. Re-running replaces the SLO of the same name.',
    examples,
    supportsDryRun: true,
    schema,
    async handler(ctx) {
      const { input, workspacePath } = ctx;
      const doc = buildSloDocument(input);
      const targets = resolveSloTargets(workspacePath, input);
      const { file, relPath, catalogFile } = targets;
      // Check the catalog file before writing anything.
      const catalogUpdate = await catalogLocationUpdate(
        workspacePath,
        targets,
        doc,
      );
      const { text, replaced } = upsertYamlDocument(
        await readOptionalFile(file),
        isSameSlo(doc),
        doc,
        relPath,
      );

      await writeWorkspaceFile(workspacePath, file, text, 'path');
      if (catalogFile && catalogUpdate !== undefined) {
        await writeWorkspaceFile(
          workspacePath,
          catalogFile,
          catalogUpdate,
          'catalogFile',
        );
        ctx.logger.info(
          `Added a Location for ${relPath} to ${workspaceRelative(
            workspacePath,
            catalogFile,
          )}`,
        );
      }
      ctx.logger.info(
        `${replaced ? 'Replaced' : 'Wrote'} SLO "${
          doc.metadata.name
        }" in ${relPath}${
          ctx.isDryRun ? ' (dry run: in the dry-run workspace only)' : ''
        }`,
      );

      ctx.output(
        'sloRef',
        `slo:${doc.metadata.namespace ?? 'default'}/${doc.metadata.name}`,
      );
      ctx.output('name', doc.metadata.name);
      ctx.output('path', relPath);
      if (catalogFile && catalogFile !== file) {
        ctx.output(
          'catalogFile',
          workspaceRelative(workspacePath, catalogFile),
        );
      }
      ctx.output('replaced', replaced);
      ctx.output('content', text);
    },
  });
}

/** Matches the YAML document of the same SLO (kind, name and namespace). */
function isSameSlo(doc: SloDocument) {
  return (value: unknown) => {
    const d = asDoc(value);
    return (
      typeof d.apiVersion === 'string' &&
      d.apiVersion.startsWith('openslo/') &&
      d.kind === 'SLO' &&
      d.metadata?.name === doc.metadata.name &&
      (d.metadata?.namespace ?? 'default') ===
        (doc.metadata.namespace ?? 'default')
    );
  };
}
