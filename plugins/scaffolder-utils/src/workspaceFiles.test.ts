import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { resolveWorkspacePath, writeWorkspaceFile } from './workspaceFiles';

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('workspace files', () => {
  const root = mkdtempSync(join(tmpdir(), 'triad-workspace-files-'));
  const workspace = join(root, 'workspace');
  mkdirSync(join(workspace, 'sub'), { recursive: true });
  symlinkSync(root, join(workspace, 'out'));
  symlinkSync(join(workspace, 'loop-b'), join(workspace, 'loop-a'));
  symlinkSync(join(workspace, 'loop-a'), join(workspace, 'loop-b'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('resolves paths inside the workspace', () => {
    expect(resolveWorkspacePath(workspace, 'sub/x.yaml', 'path')).toBe(
      join(workspace, 'sub', 'x.yaml'),
    );
  });

  it.each([
    ['../x.yaml', /^targetPath: "..\/x.yaml" is outside the workspace/],
    ['/etc/passwd', /^targetPath: "\/etc\/passwd" is outside the workspace$/],
    ['out/x.yaml', /through a symbolic link/],
  ])('refuses %s, naming the input', (path, message) => {
    const error = errorOf(() =>
      resolveWorkspacePath(workspace, path, 'targetPath'),
    );
    expect(error.name).toBe('NotAllowedError');
    expect(error.message).toMatch(message);
  });

  it.each([
    ['', /^targetPath: must be a path inside the workspace$/],
    ['a\0b.yaml', /^targetPath: must not contain a NUL character$/],
    ['loop-a/x.yaml', /^targetPath: "loop-a\/x.yaml" cannot be resolved/],
  ])('refuses %j as bad input, naming the input', (path, message) => {
    const error = errorOf(() =>
      resolveWorkspacePath(workspace, path, 'targetPath'),
    );
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(message);
  });

  it('writes a file, creating its folder, and refuses to overwrite a folder', async () => {
    const file = join(workspace, 'new', 'slo.yaml');
    await writeWorkspaceFile(workspace, file, 'kind: SLO\n', 'targetPath');
    expect(readFileSync(file, 'utf8')).toBe('kind: SLO\n');
    await expect(
      writeWorkspaceFile(workspace, join(workspace, 'sub'), 'x', 'targetPath'),
    ).rejects.toThrow(/^targetPath: .* is a directory, not a file$/);
  });
});
