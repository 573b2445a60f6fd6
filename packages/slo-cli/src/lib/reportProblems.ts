import {
  OpenSloFileProblem,
  formatOpenSloFileProblem,
} from '@triad/plugin-slo-common';
import { githubAnnotation } from './githubAnnotation';
import { CliIo } from './io';

/**
 * Writes one line per problem: plain text, or GitHub Actions annotations
 * (`::error file=…,line=…::…`) that show up on the pull request's diff.
 * Warnings (defaults taken where OpenSLO is ambiguous) go to stderr, or as
 * `::warning` annotations, and fail nothing.
 */
export function reportProblems(
  io: CliIo,
  problems: readonly OpenSloFileProblem[],
  github: boolean,
  level: 'error' | 'warning' = 'error',
): void {
  for (const problem of problems) {
    if (!github) {
      if (level === 'warning') {
        io.err(`warning: ${formatOpenSloFileProblem(problem)}\n`);
      } else {
        io.out(`${formatOpenSloFileProblem(problem)}\n`);
      }
      continue;
    }
    io.out(
      `${githubAnnotation(level, formatOpenSloFileProblem(problem), {
        file: problem.file,
        line: problem.line,
      })}\n`,
    );
  }
}
