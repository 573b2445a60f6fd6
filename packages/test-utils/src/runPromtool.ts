import { execFile } from 'child_process';
import { mkdtemp, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';

/** Debian's prometheus package puts promtool here; PROMTOOL overrides it. */
export const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';

/**
 * Writes the files (JSON is valid YAML for promtool) into a fresh directory
 * and runs promtool there with the arguments.
 */
export async function runPromtool(
  args: string[],
  files: Record<string, unknown>,
): Promise<{ code: number; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'promtool-'));
  try {
    for (const [name, content] of Object.entries(files)) {
      await writeFile(
        join(dir, name),
        typeof content === 'string' ? content : JSON.stringify(content),
      );
    }
    return await new Promise((resolve, reject) => {
      execFile(PROMTOOL, args, { cwd: dir }, (error, stdout, stderr) => {
        if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
          reject(
            new Error(
              `${PROMTOOL} not found: install promtool (Debian: apt-get install prometheus) or set PROMTOOL`,
            ),
          );
          return;
        }
        let code = 0;
        if (error) code = typeof error.code === 'number' ? error.code : 1;
        resolve({ code, output: `${stdout}${stderr}` });
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
