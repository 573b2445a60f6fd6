/** Everything went well. */
export const EXIT_OK = 0;
/** The input has problems: invalid documents, refused samples. */
export const EXIT_PROBLEMS = 1;
/** The command could not do its job: bad usage, unreadable file, no backend. */
export const EXIT_ERROR = 2;

/** An error that ends the command with a message and an exit code. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT_ERROR) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
