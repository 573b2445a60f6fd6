import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { SloDocument } from '@triad/plugin-slo-common';
import {
  readOptionalFile,
  resolveWorkspacePath,
  workspaceRelative,
} from '@triad/scaffolder-utils';
import { dirname, relative } from 'path';
import { ensureLocation } from './ensureLocation';

const DEFAULT_CATALOG_FILE = 'catalog-info.yaml';

/** Where the SLO goes and which catalog file, if any, must reference it. */
export interface SloTargets {
  file: string;
  relPath: string;
  catalogFile?: string;
}

/** The SLO's file and catalog file from `path` and `catalogFile`. */
export function resolveSloTargets(
  workspacePath: string,
  input: { path?: string; catalogFile?: string | false },
): SloTargets {
  const catalogInput =
    input.catalogFile === undefined ? DEFAULT_CATALOG_FILE : input.catalogFile;
  const pathInput =
    input.path ?? (catalogInput === false ? undefined : catalogInput);
  if (pathInput === undefined) {
    throw new InputError(
      'path: is required when catalogFile is false (where should the SLO go?)',
    );
  }
  const file = resolveWorkspacePath(workspacePath, pathInput, 'path');
  const catalogFile =
    catalogInput === false
      ? undefined
      : resolveWorkspacePath(workspacePath, catalogInput, 'catalogFile');
  return {
    file,
    relPath: workspaceRelative(workspacePath, file),
    catalogFile,
  };
}

/**
 * The catalog file's new text with a Location to the SLO's file, when the SLO
 * goes into another file; undefined when the catalog file needs no change.
 */
export async function catalogLocationUpdate(
  workspacePath: string,
  { file, relPath, catalogFile }: SloTargets,
  doc: SloDocument,
): Promise<string | undefined> {
  if (!catalogFile || catalogFile === file) {
    return undefined;
  }
  const text = await readOptionalFile(catalogFile);
  const relCatalog = workspaceRelative(workspacePath, catalogFile);
  if (text === undefined) {
    throw new InputError(
      `catalogFile: ${relCatalog} does not exist in the workspace; set catalogFile: false to write ${relPath} on its own`,
    );
  }
  const service = parseEntityRef(doc.spec.service, {
    defaultKind: 'component',
  }).name;
  return ensureLocation(text, {
    target: `./${relative(dirname(catalogFile), file).split('\\').join('/')}`,
    name: `${service}-slos`,
    description: `OpenSLO documents of ${doc.spec.service}`,
    file: relCatalog,
  });
}
