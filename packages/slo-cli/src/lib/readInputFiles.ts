import { readFile, readdir, stat } from 'fs/promises';
import { join, relative } from 'path';
import { CliError } from './exitCodes';

const YAML_FILE = /\.ya?ml$/;

/**
 * Reads the named files; a directory stands for every .yaml and .yml file
 * below it. Paths are reported as given (relative to the working directory).
 */
export async function readInputFiles(
  paths: readonly string[],
): Promise<Array<{ path: string; content: string }>> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new CliError(`cannot read ${path}: no such file`);
    if (info.isDirectory()) files.push(...(await yamlFilesBelow(path)));
    else files.push(path);
  }
  return Promise.all(
    [...new Set(files)].map(async path => {
      try {
        return { path, content: await readFile(path, 'utf8') };
      } catch (e) {
        throw new CliError(`cannot read ${path}: ${(e as Error).message}`);
      }
    }),
  );
}

async function yamlFilesBelow(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (current: string) => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (YAML_FILE.test(entry.name)) found.push(full);
    }
  };
  await walk(dir);
  return found.sort().map(f => (dir === '.' ? relative('.', f) : f));
}
