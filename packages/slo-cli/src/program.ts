import { Command, CommanderError } from 'commander';
import { CliError, EXIT_ERROR, EXIT_OK } from './lib/exitCodes';
import { CliIo, processIo } from './lib/io';
import { registerCommands } from './registerCommands';

/**
 * Runs the CLI with the given arguments (as in process.argv) and returns the
 * exit code: 0 when all is well, 1 when the input has problems (or the
 * release gate is closed), 2 when the command could not run (bad usage,
 * unreadable files, unreachable backend).
 */
export async function main(
  argv: string[],
  io: CliIo = processIo,
): Promise<number> {
  let code = EXIT_OK;
  const program = new Command()
    .name('triad-slo')
    .description(
      'Validate OpenSLO files, generate Prometheus rules, import Sloth and Pyrra SLOs, push SLI samples to Triad and ask its release gate, from CI pipelines.',
    )
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeOut: text => io.out(text),
      writeErr: text => io.err(text),
    })
    .showHelpAfterError('(run triad-slo --help for usage)');

  registerCommands(program, io, exitCode => {
    code = exitCode;
  });

  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has already printed the message (or the help).
      return e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
        ? EXIT_OK
        : EXIT_ERROR;
    }
    if (e instanceof CliError) {
      io.err(`error: ${e.message}\n`);
      return e.exitCode;
    }
    io.err(`error: ${(e as Error).stack ?? e}\n`);
    return EXIT_ERROR;
  }
}
