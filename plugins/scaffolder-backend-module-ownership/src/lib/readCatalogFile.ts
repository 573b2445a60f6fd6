import { InputError } from '@backstage/errors';
import {
  readOptionalFile,
  resolveWorkspacePath,
  workspaceRelative,
} from '@triad/scaffolder-utils';

/** A catalog file of the workspace that must already exist, to be edited. */
export async function readCatalogFile(
  workspacePath: string,
  path: string | undefined,
): Promise<{ file: string; relPath: string; text: string }> {
  const file = resolveWorkspacePath(
    workspacePath,
    path ?? 'catalog-info.yaml',
    'path',
  );
  const relPath = workspaceRelative(workspacePath, file);
  const text = await readOptionalFile(file);
  if (text === undefined) {
    throw new InputError(`path: ${relPath} does not exist in the workspace`);
  }
  return { file, relPath, text };
}
