import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { mkdir, readFile, stat, writeFile } from 'fs/promises';
import { dirname, isAbsolute, relative } from 'path';

/**
 * Resolves a path given in an action's input inside the workspace. `../`,
 * absolute paths elsewhere and symbolic links that lead out of the workspace
 * are refused with a NotAllowedError that names the input field.
 */
export function resolveWorkspacePath(
  workspacePath: string,
  path: string,
  field: string,
): string {
  if (typeof path !== 'string' || !path.trim()) {
    throw new InputError(`${field}: must be a path inside the workspace`);
  }
  if (path.includes('\0')) {
    throw new InputError(`${field}: must not contain a NUL character`);
  }
  try {
    return resolveSafeChildPath(workspacePath, path);
  } catch (e) {
    if (e instanceof NotAllowedError) {
      throw new NotAllowedError(
        `${field}: "${path}" is outside the workspace${
          isAbsolute(path)
            ? ''
            : ' (or leads out of it through a symbolic link)'
        }`,
      );
    }
    // Resolving links can fail on the file system itself (a link loop, a
    // name too long); the author still needs to know which input it was.
    const code = (e as NodeJS.ErrnoException).code;
    if (code) {
      throw new InputError(`${field}: "${path}" cannot be resolved (${code})`);
    }
    throw e;
  }
}

/** The path relative to the workspace, with forward slashes, for outputs. */
export function workspaceRelative(workspacePath: string, file: string): string {
  return relative(workspacePath, file).split('\\').join('/');
}

/** A file's text, or undefined when it does not exist. */
export async function readOptionalFile(
  file: string,
): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if ((e as NodeJS.ErrnoException).code === 'EISDIR') {
      throw new InputError(`${file} is a directory, not a file`);
    }
    throw e;
  }
}

/**
 * Writes a file inside the workspace, creating its directory. The path is
 * checked again after the directory exists, so a link created in between
 * cannot redirect the write.
 */
export async function writeWorkspaceFile(
  workspacePath: string,
  file: string,
  content: string,
  field: string,
): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const safe = resolveWorkspacePath(workspacePath, file, field);
  const existing = await stat(safe).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new InputError(`${field}: ${file} is a directory, not a file`);
  }
  await writeFile(safe, content, 'utf8');
}
