import { createHash } from 'crypto';
import { lstat, readdir, readFile, readlink } from 'fs/promises';
import { join } from 'path';

/**
 * A fingerprint of a directory tree: every entry's path, type, mode and
 * modification time, file contents and link targets. Links are not followed.
 * Top-level entries matching `skip` are left out.
 */
export async function hashTree(
  root: string,
  skip: (name: string) => boolean = () => false,
): Promise<{ hash: string; entries: number }> {
  const hash = createHash('sha256');
  let entries = 0;
  const walk = async (dir: string, rel: string) => {
    const names = (await readdir(dir)).sort();
    for (const name of names) {
      if (!rel && skip(name)) continue;
      const full = join(dir, name);
      const path = rel ? `${rel}/${name}` : name;
      const info = await lstat(full);
      entries++;
      hash.update(`${path}\0${info.mode}\0${info.mtimeMs}\0`);
      if (info.isSymbolicLink()) hash.update(`link\0${await readlink(full)}\0`);
      else if (info.isDirectory()) await walk(full, path);
      else hash.update(await readFile(full));
    }
  };
  await walk(root, '');
  return { hash: hash.digest('hex'), entries };
}
