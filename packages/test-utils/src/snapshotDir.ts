import { lstat, readFile, readdir, readlink } from 'fs/promises';
import { join } from 'path';

/**
 * Every file, directory and link under `dir` with its content, to prove
 * that an action left a directory exactly as it was.
 */
export async function snapshotDir(
  dir: string,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(path: string, rel: string) {
    for (const name of (await readdir(path)).sort()) {
      const full = join(path, name);
      const key = rel ? `${rel}/${name}` : name;
      const info = await lstat(full);
      if (info.isSymbolicLink()) out[key] = `-> ${await readlink(full)}`;
      else if (info.isDirectory()) {
        out[`${key}/`] = '';
        await walk(full, key);
      } else out[key] = await readFile(full, 'utf8');
    }
  }
  await walk(dir, '');
  return out;
}
