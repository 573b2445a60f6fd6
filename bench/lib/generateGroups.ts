import { CatalogBuilder, pad } from './catalogBuilder';

const teamTypes = [
  'stream-aligned',
  'stream-aligned',
  'stream-aligned',
  'stream-aligned',
  'stream-aligned',
  'stream-aligned',
  'platform',
  'enabling',
  'complicated-subsystem',
] as const;

interface GeneratedGroup {
  name: string;
  parent?: string;
  type: string;
}

/**
 * Adds the groups: the organisation, divisions, departments and teams, with
 * the 50-descendant tribe; teams carry a topology.
 */
export function addGroups(b: CatalogBuilder, nGroups: number) {
  const { groups, departments, otherTeams, tribeTeams } = hierarchy(nGroups);
  const teams = [...otherTeams, ...tribeTeams];
  const topologyOf = new Map<string, (typeof teamTypes)[number]>();
  for (const t of teams) topologyOf.set(t, b.pick(teamTypes));
  const platformTeams = teams.filter(t => topologyOf.get(t) === 'platform');
  const sreTeams = teams.filter((_, i) => i % 17 === 0);
  for (const g of groups) addGroup(b, g, topologyOf.get(g.name), teams);
  return { teams, departments, platformTeams, sreTeams };
}

function hierarchy(nGroups: number) {
  const groups: GeneratedGroup[] = [];
  groups.push({ name: 'org', type: 'organization' });
  const nDivisions = Math.max(3, Math.round(nGroups / 200));
  const divisions = Array.from({ length: nDivisions }, (_, i) => `div-${i}`);
  for (const d of divisions)
    groups.push({ name: d, parent: 'org', type: 'division' });
  // The 50-descendant subtree, under the first division.
  groups.push({ name: 'tribe-50', parent: divisions[0], type: 'tribe' });
  const tribeTeams: string[] = [];
  for (let d = 0; d < 2; d++) {
    const dept = `tribe-50-dept-${d}`;
    groups.push({ name: dept, parent: 'tribe-50', type: 'department' });
    for (let a = 0; a < 4; a++) {
      const area = `${dept}-area-${a}`;
      groups.push({ name: area, parent: dept, type: 'area' });
      for (let t = 0; t < 5; t++) {
        const team = `${area}-team-${t}`;
        groups.push({ name: team, parent: area, type: 'team' });
        tribeTeams.push(team);
      }
    }
  }
  const nDepartments = Math.max(6, Math.round(nGroups / 14));
  const departments = Array.from(
    { length: nDepartments },
    (_, i) => `dept-${pad(i, 3)}`,
  );
  departments.forEach((d, i) =>
    groups.push({
      name: d,
      parent: divisions[i % divisions.length],
      type: 'department',
    }),
  );
  const otherTeams: string[] = [];
  for (let i = 0; groups.length < nGroups; i++) {
    const name = `team-${pad(i, 4)}`;
    groups.push({
      name,
      parent: departments[i % departments.length],
      type: 'team',
    });
    otherTeams.push(name);
  }
  return { groups, departments, otherTeams, tribeTeams };
}

function addGroup(
  { rand, pick, add, meta }: CatalogBuilder,
  g: GeneratedGroup,
  topologyType: (typeof teamTypes)[number] | undefined,
  teams: string[],
) {
  const spec: any = {
    type: g.type,
    ...(g.parent ? { parent: g.parent } : {}),
    children: [],
    profile: { displayName: `${g.name.replace(/-/g, ' ')}` },
  };
  if (topologyType) {
    spec.topology = {
      type: topologyType,
      disciplines:
        topologyType === 'platform' ? ['platform', 'devops'] : ['devops'],
      ...(rand() < 0.2
        ? {
            interactions: [
              {
                with: `group:${pick(teams)}`,
                mode: pick([
                  'collaboration',
                  'x-as-a-service',
                  'facilitating',
                ] as const),
                ...(rand() < 0.5 ? { until: '2027-06-30' } : {}),
              },
            ].filter(x => x.with !== `group:${g.name}`),
          }
        : {}),
    };
  }
  add(
    'Group',
    meta(g.name, {
      title: g.name
        .split('-')
        .map(w => w[0].toUpperCase() + w.slice(1))
        .join(' '),
    }),
    spec,
  );
}
