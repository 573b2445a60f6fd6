import { Entity } from '@backstage/catalog-model';
import {
  readOptionalFile,
  resolveWorkspacePath,
  upsertYamlDocument,
  workspaceRelative,
  writeWorkspaceFile,
} from '@triad/scaffolder-utils';

/**
 * Writes a Group into a workspace file, replacing the group of the same name
 * and namespace when the file has one; other documents are kept.
 */
export async function writeGroupEntity(
  workspacePath: string,
  path: string | undefined,
  group: Entity,
): Promise<{ relPath: string; text: string; replaced: boolean }> {
  const file = resolveWorkspacePath(
    workspacePath,
    path ?? 'catalog-info.yaml',
    'path',
  );
  const relPath = workspaceRelative(workspacePath, file);
  const namespace = group.metadata.namespace ?? 'default';
  const sameGroup = (value: unknown) => {
    const v = value as Partial<Entity> | null;
    return (
      v?.kind === 'Group' &&
      v.metadata?.name === group.metadata.name &&
      (v.metadata?.namespace ?? 'default') === namespace
    );
  };
  const { text, replaced } = upsertYamlDocument(
    await readOptionalFile(file),
    sameGroup,
    group,
    relPath,
  );
  await writeWorkspaceFile(workspacePath, file, text, 'path');
  return { relPath, text, replaced };
}
