import { InputError, NotAllowedError } from '@backstage/errors';
import { Dirent } from 'fs';
import { readdir, stat } from 'fs/promises';
import { join } from 'path';
import {
  resolveWorkspacePath,
  workspaceRelative,
} from '@triad/scaffolder-utils';

const GLOB_CHARS = /[*?{}[\]]/;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** A glob (`*`, `**`, `?`, `{a,b}`) as a regular expression over `a/b/c` paths. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += c.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

async function walk(root: string, dir: string, found: string[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) await walk(root, full, found);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      // Linked directories are not followed; linked files are checked below.
      found.push(workspaceRelative(root, full));
    }
  }
}

/**
 * The workspace files named by paths and glob patterns, relative to the
 * workspace, sorted and without duplicates. A plain path must exist; every
 * path, and every file a pattern matches, must stay inside the workspace.
 */
export async function findWorkspaceFiles(
  workspacePath: string,
  patterns: readonly string[],
  field: string,
): Promise<string[]> {
  const result = new Set<string>();
  let all: string[] | undefined;
  for (const [i, pattern] of patterns.entries()) {
    const at = `${field}[${i}]`;
    if (!GLOB_CHARS.test(pattern)) {
      const file = resolveWorkspacePath(workspacePath, pattern, at);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) {
        throw new InputError(
          `${at}: ${pattern} is not a file in the workspace`,
        );
      }
      result.add(workspaceRelative(workspacePath, file));
      continue;
    }
    if (pattern.startsWith('/') || pattern.split('/').includes('..')) {
      throw new NotAllowedError(
        `${at}: "${pattern}" is outside the workspace; patterns are relative to it`,
      );
    }
    if (!all) {
      all = [];
      await walk(workspacePath, workspacePath, all);
    }
    const regexp = globToRegExp(pattern.replace(/^\.\//, ''));
    for (const file of all.filter(f => regexp.test(f))) {
      resolveWorkspacePath(workspacePath, file, at);
      const info = await stat(join(workspacePath, file)).catch(() => undefined);
      if (info?.isFile()) result.add(file);
    }
  }
  return [...result].sort();
}
