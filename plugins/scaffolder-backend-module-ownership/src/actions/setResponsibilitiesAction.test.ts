import { createMockDirectory } from '@backstage/backend-test-utils';
import { parseOwnershipRoles } from '@triad/plugin-ownership-common';
import { existsSync, readFileSync, symlinkSync } from 'fs';
import { join } from 'path';
import { createSetResponsibilitiesAction } from './setResponsibilitiesAction';
import { exampleInput, runAction, snapshotDir } from '@triad/test-utils';

const CATALOG = `# The checkout service
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout-service
spec:
  type: service
  lifecycle: production
  owner: group:storefront-team # to be handed over
  responsibilities:
    - role: platform
      ref: group:runtime-platform
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: checkout-team
spec:
  type: team
  children: []
`;

const action = createSetResponsibilitiesAction({
  roles: parseOwnershipRoles(undefined),
});

describe('ownership:responsibilities:set', () => {
  const mockDir = createMockDirectory();
  const outside = createMockDirectory();
  const workspacePath = () => join(mockDir.path, 'workspace');
  const read = () =>
    readFileSync(join(workspacePath(), 'catalog-info.yaml'), 'utf8');
  const run = (input: Record<string, unknown>, isDryRun = false) =>
    runAction(action, input, { workspacePath: workspacePath(), isDryRun });

  beforeEach(() => {
    mockDir.setContent({ workspace: { 'catalog-info.yaml': CATALOG } });
    outside.setContent({ 'catalog-info.yaml': CATALOG });
  });

  it('sets owner and responsibilities, changing only those lines', async () => {
    const output = await run({
      owner: 'group:checkout-team',
      responsibilities: [
        { role: 'sre', ref: 'group:sre-core' },
        { role: 'platform', ref: '' },
        { role: 'devops' },
      ],
    });
    const expected = CATALOG.replace(
      'owner: group:storefront-team # to be handed over',
      'owner: group:checkout-team # to be handed over',
    ).replace(
      '    - role: platform\n      ref: group:runtime-platform\n',
      '    - role: sre\n      ref: group:sre-core\n',
    );
    expect(read()).toBe(expected);
    expect(output).toEqual({
      path: 'catalog-info.yaml',
      entityRef: 'component:default/checkout-service',
      owner: 'group:checkout-team',
      responsibilities: [{ role: 'sre', ref: 'group:default/sre-core' }],
      changed: true,
      content: expected,
    });
    const again = await run({
      owner: 'group:checkout-team',
      responsibilities: [{ role: 'sre', ref: 'group:sre-core' }],
    });
    expect(again.changed).toBe(false);
    expect(read()).toBe(expected);
  });

  it('merges into the roles already there', async () => {
    const output = await run({
      merge: true,
      responsibilities: [{ role: 'sre', ref: 'group:sre-core' }],
    });
    expect(output.responsibilities).toEqual([
      { role: 'platform', ref: 'group:default/runtime-platform' },
      { role: 'sre', ref: 'group:default/sre-core' },
    ]);
    expect(read()).toContain(
      '    - role: platform\n      ref: group:runtime-platform\n    - role: sre\n      ref: group:sre-core\n',
    );
  });

  it('validates roles against ownership.roles and names the field', async () => {
    const custom = createSetResponsibilitiesAction({
      roles: parseOwnershipRoles([
        { id: 'ops', title: 'Operations' },
        { id: 'security', title: 'Security' },
      ]),
    });
    const attempt = (input: Record<string, unknown>, a = action) =>
      runAction(a, input, { workspacePath: workspacePath() });
    await expect(
      attempt(
        { responsibilities: [{ role: 'sre', ref: 'group:sre-core' }] },
        custom,
      ),
    ).rejects.toThrow(
      'Invalid responsibilities: responsibilities[0].role: "sre" is not a configured role (ops, security)',
    );
    expect(
      (
        await attempt(
          { responsibilities: [{ role: 'security', ref: 'group:appsec' }] },
          custom,
        )
      ).responsibilities,
    ).toEqual([{ role: 'security', ref: 'group:default/appsec' }]);
    await expect(
      attempt({
        responsibilities: [
          { role: 'sre', ref: 'group:a' },
          { role: 'sre', ref: 'component:b' },
        ],
      }),
    ).rejects.toThrow(
      'Invalid responsibilities: responsibilities[1].role: "sre" is already assigned in spec.responsibilities[0]; responsibilities[1].ref: must refer to a Group or a User, not a component',
    );
    await expect(attempt({ owner: 'system:checkout' })).rejects.toThrow(
      'owner: must refer to a Group or a User, not a system',
    );
    await expect(attempt({})).rejects.toThrow(
      'owner, responsibilities: give at least one of them',
    );
    await expect(
      attempt({ owner: 'group:a', path: 'missing.yaml' }),
    ).rejects.toThrow('path: missing.yaml does not exist in the workspace');
  });

  it.each([
    '../catalog-info.yaml',
    '/etc/passwd',
    'link/catalog-info.yaml',
    'linked-file.yaml',
  ])('refuses to touch %s', async path => {
    symlinkSync(outside.path, join(workspacePath(), 'link'));
    symlinkSync(
      join(outside.path, 'catalog-info.yaml'),
      join(workspacePath(), 'linked-file.yaml'),
    );
    const before = await snapshotDir(outside.path);
    await expect(run({ owner: 'group:a', path })).rejects.toThrow(
      `path: "${path}" is outside the workspace`,
    );
    expect(await snapshotDir(outside.path)).toEqual(before);
    expect(existsSync(join(mockDir.path, 'catalog-info.yaml'))).toBe(false);
  });

  it('edits the dry-run workspace in a dry run', async () => {
    await run({ owner: 'group:checkout-team' }, true);
    expect(read()).toContain('owner: group:checkout-team # to be handed over');
  });

  it.each(action.examples!.map(e => [e.description, e.example]))(
    'runs the example: %s',
    async (_description, example) => {
      const output = await run(exampleInput(example));
      expect(output.responsibilities).toContainEqual({
        role: 'sre',
        ref: 'group:default/sre-core',
      });
      expect(read().split('---')[1]).toBe(CATALOG.split('---')[1]);
    },
  );
});
