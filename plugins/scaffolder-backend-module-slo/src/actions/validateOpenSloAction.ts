import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './validateOpenSloAction.examples';
import { formatOpenSloFileProblem } from '@triad/plugin-slo-common';
import { readOpenSloWorkspaceFiles } from '../lib/readOpenSloWorkspaceFiles';
import { ActionSchemaField } from '@triad/scaffolder-utils';

export const DEFAULT_OPENSLO_FILES = ['**/*.yaml', '**/*.yml'];

/** The `files` input of the actions that read OpenSLO files from the workspace. */
export const openSloFilesField =
  (description: string): ActionSchemaField =>
  z =>
    z.array(z.string()).optional().describe(description);

// The declarative input and output schema of the action.
const schema = {
  input: {
    files: openSloFilesField(
      'Workspace files or glob patterns (*, **, ?, {a,b}); default every .yaml and .yml file',
    ),
    allowEmpty: z =>
      z
        .boolean()
        .optional()
        .describe(
          'Succeed when the files hold no OpenSLO document at all. Default false',
        ),
  } satisfies Record<string, ActionSchemaField>,
  output: {
    files: z => z.array(z.string()).describe('The files that were read'),
    documents: z =>
      z.number().describe('How many OpenSLO documents were validated'),
    slos: z =>
      z
        .array(z.string())
        .describe('References of the SLOs found: slo:default/<name>'),
    warnings: z =>
      z
        .array(z.string())
        .describe(
          'Defaults taken where OpenSLO leaves a meaning open (e.g. a ratioMetric without counter), one line each; they do not fail the step',
        ),
  } satisfies Record<string, ActionSchemaField>,
};

/**
 * `slo:openslo:validate`: validates the OpenSLO documents of workspace files
 * and fails with every problem, each naming its file, document and field.
 *
 * @public
 */
export function createOpenSloValidateAction() {
  return createTemplateAction({
    id: 'slo:openslo:validate',
    description:
      'Validates the OpenSLO v1 documents in workspace files (paths or globs) and fails listing every problem with its file, document and field. Other YAML documents, such as Backstage entities, are skipped.',
    supportsDryRun: true,
    examples,
    schema,
    async handler(ctx) {
      const patterns = ctx.input.files?.length
        ? ctx.input.files
        : DEFAULT_OPENSLO_FILES;
      const { files, documents, problems, warnings } =
        await readOpenSloWorkspaceFiles(ctx.workspacePath, patterns, 'files');
      const warningLines = warnings.map(formatOpenSloFileProblem);
      warningLines.forEach(line => ctx.logger.warn(line));
      if (problems.length) {
        const lines = problems.map(formatOpenSloFileProblem);
        lines.forEach(line => ctx.logger.error(line));
        throw new InputError(
          `${problems.length} problem${
            problems.length === 1 ? '' : 's'
          } in OpenSLO files:\n${lines.map(l => `- ${l}`).join('\n')}`,
        );
      }
      if (!documents.length && !ctx.input.allowEmpty) {
        throw new InputError(
          `files: no OpenSLO document in ${
            files.length
              ? files.join(', ')
              : `any file matching ${patterns.join(', ')}`
          }`,
        );
      }
      const slos = documents
        .filter(d => d.document.kind === 'SLO')
        .map(
          d =>
            `slo:${d.document.metadata.namespace ?? 'default'}/${
              d.document.metadata.name
            }`,
        );
      ctx.logger.info(
        `${documents.length} OpenSLO document${
          documents.length === 1 ? '' : 's'
        } in ${files.length} file${files.length === 1 ? '' : 's'} are valid`,
      );
      ctx.output('files', files);
      ctx.output('documents', documents.length);
      ctx.output('slos', slos);
      ctx.output('warnings', warningLines);
    },
  });
}
