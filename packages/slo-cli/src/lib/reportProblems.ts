import {
  OpenSloFileProblem,
  formatOpenSloFileProblem,
} from '@triad/plugin-slo-common';
import { CliIo } from './io';

/**
 * Writes one line per problem: plain text, or GitHub Actions annotations
 * (`::error file=…,line=…::…`) that show up on the pull request's diff.
 */
export function reportProblems(
  io: CliIo,
  problems: readonly OpenSloFileProblem[],
  github: boolean,
): void {
  for (const problem of problems) {
    if (!github) {
      io.out(`${formatOpenSloFileProblem(problem)}\n`);
      continue;
    }
    const where = [
      problem.file && `file=${problem.file}`,
      problem.line && `line=${problem.line}`,
    ]
      .filter(Boolean)
      .join(',');
    const message = formatOpenSloFileProblem(problem)
      .replace(/%/g, '%25')
      .replace(/\r/g, '%0D')
      .replace(/\n/g, '%0A');
    io.out(`::error${where ? ` ${where}` : ''}::${message}\n`);
  }
}
