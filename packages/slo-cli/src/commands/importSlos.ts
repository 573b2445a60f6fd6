import {
  formatImportNote,
  importSlos as convert,
  validateOpenSloDocument,
} from '@triad/plugin-slo-common';
import { mkdir, writeFile } from 'fs/promises';
import { dirname } from 'path';
import { parseAllDocuments, stringify } from 'yaml';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../lib/exitCodes';
import { CliIo } from '../lib/io';
import { readInputFiles } from '../lib/readInputFiles';

/** Options of `triad-slo import`. */
export interface ImportOptions {
  out?: string;
  service?: string;
  dataSource?: string;
  slothPeriod?: string;
}

/**
 * `triad-slo import <paths…>`: Sloth specs and Pyrra ServiceLevelObjectives
 * as OpenSLO v1 documents, with one line per thing that could not be carried
 * over (on stderr).
 */
export async function importSlos(
  io: CliIo,
  paths: string[],
  options: ImportOptions,
): Promise<number> {
  if (
    options.slothPeriod !== undefined &&
    options.slothPeriod !== '30d' &&
    options.slothPeriod !== '28d'
  ) {
    throw new CliError(
      `--sloth-period must be 30d or 28d (Sloth's built-in periods), not "${options.slothPeriod}"`,
    );
  }
  const files = await readInputFiles(paths);
  const docs = [];
  for (const file of files) {
    for (const doc of parseAllDocuments(file.content)) {
      if (doc.errors.length) {
        throw new CliError(
          `${file.path}: YAML syntax error: ${
            doc.errors[0].message.split('\n')[0]
          }`,
          EXIT_PROBLEMS,
        );
      }
      docs.push(doc.toJS());
    }
  }
  const result = convert(docs, {
    service: options.service,
    dataSource: options.dataSource,
    slothPeriod: options.slothPeriod as '30d' | '28d' | undefined,
  });
  for (const note of result.notes) {
    io.err(`not carried over: ${formatImportNote(note)}\n`);
  }
  if (!result.documents.length) {
    io.err(
      `no Sloth spec or Pyrra ServiceLevelObjective imported from ${files
        .map(f => f.path)
        .join(', ')}\n`,
    );
    return EXIT_PROBLEMS;
  }
  // What is written must be what Triad accepts.
  for (const doc of result.documents) {
    const valid = validateOpenSloDocument(doc);
    if (!valid.ok) {
      throw new CliError(
        `the import of ${String(
          (doc.metadata as { name?: string }).name,
        )} is not valid OpenSLO: ${valid.problems
          .map(p => `${p.path}: ${p.message}`)
          .join('; ')}`,
      );
    }
  }
  const text = `# Imported by triad-slo import from ${files
    .map(f => f.path)
    .join(', ')}\n${result.documents
    .map(d => stringify(d, { lineWidth: 0 }))
    .join('---\n')}`;
  const summary = `${result.documents.length} OpenSLO SLO${
    result.documents.length === 1 ? '' : 's'
  }`;
  if (!options.out) {
    io.out(text);
    io.err(`imported ${summary}\n`);
    return EXIT_OK;
  }
  try {
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, text, 'utf8');
  } catch (e) {
    throw new CliError(`cannot write ${options.out}: ${(e as Error).message}`);
  }
  io.out(`wrote ${summary} to ${options.out}\n`);
  return EXIT_OK;
}
