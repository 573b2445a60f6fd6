import { execFile } from 'child_process';
import { mkdtemp, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';

/** Debian's prometheus-alertmanager package puts amtool here; AMTOOL overrides it. */
export const AMTOOL = process.env.AMTOOL ?? '/usr/bin/amtool';

/**
 * Runs amtool on the configuration, written to a file whose path replaces
 * `{file}` in the arguments (JSON is valid YAML).
 */
export async function runAmtool(
  args: string[],
  config: unknown,
): Promise<{ code: number; stdout: string; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'amtool-'));
  try {
    const file = join(dir, 'alertmanager.yml');
    await writeFile(file, JSON.stringify(config));
    const argv = args.map(a => a.replace('{file}', file));
    return await new Promise((resolve, reject) => {
      execFile(AMTOOL, argv, (error, stdout, stderr) => {
        if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
          reject(
            new Error(
              `${AMTOOL} not found: install amtool (Debian: apt-get install prometheus-alertmanager) or set AMTOOL`,
            ),
          );
          return;
        }
        let code = 0;
        if (error) code = typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, output: `${stdout}${stderr}` });
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
