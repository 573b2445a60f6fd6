import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  parseOwnershipRoles,
  parseTopology,
} from '@triad/plugin-ownership-common';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { createTeamAction } from './createTeamAction';
import { exampleInput, runAction, snapshotDir } from '@triad/test-utils';

const roles = parseOwnershipRoles(undefined);
const action = createTeamAction({ roles });

const ORG = `# Teams of Acme Pay
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: infrastructure # department
spec:
  type: department
  children: []
`;

describe('ownership:team:create', () => {
  const mockDir = createMockDirectory();
  const outside = createMockDirectory();
  const workspacePath = () => join(mockDir.path, 'workspace');
  const read = (path = 'org.yaml') =>
    readFileSync(join(workspacePath(), path), 'utf8');
  const run = (input: Record<string, unknown>, isDryRun = false) =>
    runAction(action, input, { workspacePath: workspacePath(), isDryRun });

  beforeEach(() => {
    mockDir.setContent({ workspace: { 'org.yaml': ORG } });
    outside.setContent({});
  });

  const input = {
    name: 'data-platform',
    title: 'Data Platform',
    parent: 'group:infrastructure',
    members: ['user:ada'],
    topology: {
      type: 'platform',
      disciplines: ['platform', 'sre'],
      interactions: [
        { with: 'group:checkout-team', mode: 'x-as-a-service' },
        { with: '', mode: 'collaboration' },
        { with: 'payments-team', mode: 'facilitating', until: '2027-03-31' },
      ],
    },
    path: 'org.yaml',
  };

  it('appends a valid Group with its topology and keeps the file', async () => {
    const output = await run(input);
    const text = read();
    expect(text.startsWith(ORG)).toBe(true);
    expect(text.slice(ORG.length)).toBe(`---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: data-platform
  title: Data Platform
spec:
  type: team
  parent: group:infrastructure
  children: []
  members:
    - user:ada
  topology:
    type: platform
    disciplines:
      - platform
      - sre
    interactions:
      - with: group:checkout-team
        mode: x-as-a-service
      - with: payments-team
        mode: facilitating
        until: 2027-03-31
`);
    expect(output).toEqual({
      entityRef: 'group:default/data-platform',
      path: 'org.yaml',
      replaced: false,
      content: text,
    });
    // The catalog module's own reading accepts the written block.
    const group = parseAllDocuments(text)[1].toJS();
    expect(
      parseTopology(group.spec.topology, {
        roles,
        self: 'group:default/data-platform',
      }).problems,
    ).toEqual([]);

    // Re-running replaces the group in place.
    const again = await run({
      ...input,
      topology: { ...input.topology, type: 'enabling' },
    });
    expect(again.replaced).toBe(true);
    expect(read()).toBe(
      text.replace('    type: platform', '    type: enabling'),
    );
  });

  it('names every invalid topology field and writes nothing', async () => {
    const before = await snapshotDir(mockDir.path);
    await expect(
      run({
        ...input,
        topology: {
          type: 'platform',
          disciplines: ['qa'],
          interactions: [
            { with: 'group:data-platform', mode: 'collaboration' },
            { with: 'user:ada', mode: 'x-as-a-service', until: '31.03.2027' },
          ],
        },
      }),
    ).rejects.toThrow(
      'Invalid topology: topology.disciplines[0]: "qa" is not a configured role (devops, sre, platform); ' +
        'topology.interactions[0].with: a team cannot interact with itself; ' +
        'topology.interactions[1].with: must refer to a Group, not a user; ' +
        'topology.interactions[1].until: must be a date written as YYYY-MM-DD, got "31.03.2027"',
    );
    await expect(run({ ...input, name: 'Data Platform!' })).rejects.toThrow(
      'name: "Data Platform!" is not a valid entity name',
    );
    await expect(
      run({ ...input, parent: 'not a ref at all:', members: ['group:x'] }),
    ).rejects.toThrow(
      'parent: "not a ref at all:" is not a group reference such as group:infrastructure; members[0]: "group:x" is not a user reference such as user:ada',
    );
    expect(await snapshotDir(mockDir.path)).toEqual(before);
  });

  it.each(['../team.yaml', '/tmp/triad-team.yaml', 'link/team.yaml'])(
    'refuses to write %s',
    async path => {
      symlinkSync(outside.path, join(workspacePath(), 'link'));
      const before = await snapshotDir(outside.path);
      await expect(run({ ...input, path })).rejects.toThrow(
        `path: "${path}" is outside the workspace`,
      );
      expect(await snapshotDir(outside.path)).toEqual(before);
      expect(existsSync(join(mockDir.path, 'team.yaml'))).toBe(false);
      expect(existsSync('/tmp/triad-team.yaml')).toBe(false);
    },
  );

  it('writes into the dry-run workspace in a dry run', async () => {
    const output = await run({ ...input, path: 'teams/new.yaml' }, true);
    expect(read('teams/new.yaml')).toBe(output.content);
  });

  it.each(action.examples!.map(e => [e.description, e.example]))(
    'runs the example: %s',
    async (_description, example) => {
      mkdirSync(join(workspacePath(), 'teams'));
      const output = await run(exampleInput(example));
      expect(parseAllDocuments(read(output.path))[0].toJS()).toMatchObject({
        kind: 'Group',
        spec: { topology: { type: 'platform' } },
      });
    },
  );
});
