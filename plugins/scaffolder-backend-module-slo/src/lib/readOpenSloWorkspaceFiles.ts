import { OpenSloFileSet, readOpenSloFiles } from '@triad/plugin-slo-common';
import { readFile } from 'fs/promises';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { findWorkspaceFiles } from './findWorkspaceFiles';

/**
 * Reads and validates the OpenSLO documents of the workspace files named by
 * paths or patterns, with slo-common's reader (the CLI uses the same one).
 */
export async function readOpenSloWorkspaceFiles(
  workspacePath: string,
  patterns: readonly string[],
  field: string,
): Promise<OpenSloFileSet & { files: string[] }> {
  const files = await findWorkspaceFiles(workspacePath, patterns, field);
  const contents = await Promise.all(
    files.map(async path => ({
      path,
      content: await readFile(join(workspacePath, path), 'utf8'),
    })),
  );
  return { files, ...readOpenSloFiles(contents, parseAllDocuments) };
}
