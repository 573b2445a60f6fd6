/** Where a command writes; tests pass their own. */
export interface CliIo {
  /** Results: reports, generated rules. */
  out(text: string): void;
  /** Errors and progress, kept apart so results can be piped. */
  err(text: string): void;
  fetch?: typeof fetch;
  env: Record<string, string | undefined>;
}

export const processIo: CliIo = {
  out: text => process.stdout.write(text),
  err: text => process.stderr.write(text),
  env: process.env,
};
