import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { examples } from './importSlosAction.examples';
import {
  formatImportNote,
  importSlos,
  validateOpenSloDocument,
} from '@triad/plugin-slo-common';
import {
  ActionSchemaField,
  resolveWorkspacePath,
  toYaml,
  workspaceRelative,
  writeWorkspaceFile,
} from '@triad/scaffolder-utils';
import { readFile } from 'fs/promises';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { findWorkspaceFiles } from '../lib/findWorkspaceFiles';

const DEFAULT_IMPORT_PATH = 'openslo/imported.yaml';

// The declarative input and output schema of the action.
const schema = {
  input: {
    content: z =>
      z
        .string()
        .optional()
        .describe('Sloth or Pyrra YAML (one or more documents)'),
    files: z =>
      z
        .array(z.string())
        .optional()
        .describe(
          'Workspace files or glob patterns holding Sloth or Pyrra YAML',
        ),
    service: z =>
      z
        .string()
        .optional()
        .describe(
          "The catalog entity the SLOs measure (spec.service); default Sloth's service, or a Pyrra SLO's own name",
        ),
    dataSource: z =>
      z
        .string()
        .optional()
        .describe('metricSourceRef of the SLIs; default prometheus'),
    slothPeriod: z =>
      z
        .enum(['30d', '28d'])
        .optional()
        .describe('The period Sloth runs with; default 30d, its own default'),
    path: z =>
      z
        .string()
        .optional()
        .describe(
          `Where to write the OpenSLO documents; default ${DEFAULT_IMPORT_PATH}`,
        ),
  } satisfies Record<string, ActionSchemaField>,
  output: {
    path: z =>
      z.string().describe('The file written, relative to the workspace'),
    content: z => z.string().describe('The OpenSLO documents written'),
    slos: z => z.array(z.string()).describe('Names of the SLOs imported'),
    notes: z =>
      z
        .array(z.string())
        .describe('What could not be carried over, one line each'),
  } satisfies Record<string, ActionSchemaField>,
};

/**
 * `slo:openslo:import`: converts Sloth specs and Pyrra ServiceLevelObjectives
 * (given as text, or as workspace files) into OpenSLO v1 documents with
 * slo-common's importer (the CLI's `triad-slo import` uses the same one), and
 * says what could not be carried over.
 *
 * @public
 */
export function createOpenSloImportAction() {
  return createTemplateAction({
    id: 'slo:openslo:import',
    description:
      'Converts Sloth prometheus/v1 specs and Pyrra ServiceLevelObjectives into OpenSLO v1 documents with the same SLI, objective, window and alerting, and lists what could not be carried over.',
    supportsDryRun: true,
    examples,
    schema,
    async handler(ctx) {
      const { input, workspacePath } = ctx;
      if (!input.content && !input.files?.length) {
        throw new InputError(
          'content: give the Sloth or Pyrra YAML, or files naming workspace files that hold it',
        );
      }
      const file = resolveWorkspacePath(
        workspacePath,
        input.path ?? DEFAULT_IMPORT_PATH,
        'path',
      );
      const docs = await readImportInput(workspacePath, input);
      const result = importSlos(docs, {
        service: input.service,
        dataSource: input.dataSource,
        slothPeriod: input.slothPeriod,
      });
      const notes = result.notes.map(formatImportNote);
      notes.forEach(n => ctx.logger.warn(`not carried over: ${n}`));
      if (!result.documents.length) {
        throw new InputError(
          `content: no Sloth spec or Pyrra ServiceLevelObjective could be imported${
            notes.length ? `:\n${notes.map(n => `- ${n}`).join('\n')}` : ''
          }`,
        );
      }
      for (const doc of result.documents) {
        const valid = validateOpenSloDocument(doc);
        if (!valid.ok) {
          throw new InputError(
            `the import is not valid OpenSLO: ${valid.problems
              .map(p => `${p.path}: ${p.message}`)
              .join('; ')}`,
          );
        }
      }
      const content = result.documents.map(toYaml).join('---\n');
      await writeWorkspaceFile(workspacePath, file, content, 'path');
      const slos = result.documents.map(
        d => (d.metadata as { name: string }).name,
      );
      ctx.logger.info(
        `Imported ${slos.length} SLO${
          slos.length === 1 ? '' : 's'
        } into ${workspaceRelative(workspacePath, file)}`,
      );
      ctx.output('path', workspaceRelative(workspacePath, file));
      ctx.output('content', content);
      ctx.output('slos', slos);
      ctx.output('notes', notes);
    },
  });
}

/** The YAML documents of `content` and of the workspace files in `files`. */
async function readImportInput(
  workspacePath: string,
  input: { content?: string; files?: string[] },
): Promise<unknown[]> {
  const texts: Array<{ where: string; text: string }> = [];
  if (input.content) texts.push({ where: 'content', text: input.content });
  for (const path of input.files?.length
    ? await findWorkspaceFiles(workspacePath, input.files, 'files')
    : []) {
    texts.push({
      where: `files: ${path}`,
      text: await readFile(join(workspacePath, path), 'utf8'),
    });
  }
  const docs: unknown[] = [];
  for (const { where, text } of texts) {
    for (const doc of parseAllDocuments(text)) {
      if (doc.errors.length) {
        throw new InputError(
          `${where}: YAML syntax error: ${
            doc.errors[0].message.split('\n')[0]
          }`,
        );
      }
      docs.push(doc.toJS());
    }
  }
  return docs;
}
