import { execFile } from 'child_process';
import { resolve } from 'path';

const BIN = resolve(__dirname, '../../bin/triad-slo');

/** bin/triad-slo in a child process, as a pipeline runs it; no token unless given. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(done => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: options.cwd,
        env: { ...process.env, TRIAD_SLO_TOKEN: '', ...options.env },
      },
      (error, stdout, stderr) =>
        done({
          code: error ? (error.code as number) : 0,
          stdout,
          stderr,
        }),
    );
  });
}
