import { readOpenSloFiles } from '@triad/plugin-slo-common';
import { parseAllDocuments } from 'yaml';
import { EXIT_OK, EXIT_PROBLEMS } from '../lib/exitCodes';
import { CliIo } from '../lib/io';
import { readInputFiles } from '../lib/readInputFiles';
import { reportProblems } from '../lib/reportProblems';

/** Options of `triad-slo validate`. */
export interface ValidateOptions {
  github?: boolean;
  allowEmpty?: boolean;
}

/**
 * `triad-slo validate <paths…>`: validates every OpenSLO document with the
 * validator the catalog and the scaffolder use; lists every problem, and warns
 * of the defaults taken where the specification leaves a meaning open.
 */
export async function validate(
  io: CliIo,
  paths: string[],
  options: ValidateOptions,
): Promise<number> {
  const files = await readInputFiles(paths);
  const { documents, problems, warnings } = readOpenSloFiles(
    files,
    parseAllDocuments,
  );
  reportProblems(io, warnings, !!options.github, 'warning');
  if (problems.length) {
    reportProblems(io, problems, !!options.github);
    io.err(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${
        new Set(problems.map(p => p.file)).size
      } of ${files.length} file${files.length === 1 ? '' : 's'}\n`,
    );
    return EXIT_PROBLEMS;
  }
  if (!documents.length && !options.allowEmpty) {
    io.err(
      `no OpenSLO document in ${
        files.map(f => f.path).join(', ') || 'the given paths'
      }\n`,
    );
    return EXIT_PROBLEMS;
  }
  const slos = documents.filter(d => d.document.kind === 'SLO').length;
  io.out(
    `ok: ${documents.length} OpenSLO document${
      documents.length === 1 ? '' : 's'
    } (${slos} SLO${slos === 1 ? '' : 's'}) in ${files.length} file${
      files.length === 1 ? '' : 's'
    }\n`,
  );
  return EXIT_OK;
}
