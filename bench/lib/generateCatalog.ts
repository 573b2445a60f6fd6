import { Entity } from '@backstage/catalog-model';
import { prng } from './util';

/**
 * A generated organisation for the ownership benchmarks. Deterministic: the
 * same size gives the same entities on every run.
 *
 * Shares (of `total`, at 100,000): 2,000 groups, 10,000 users, 50,000
 * components, 10,000 systems, 1,000 domains, 17,000 APIs, 10,000 resources.
 *
 * - Groups form a hierarchy: the organisation, divisions, departments and
 *   teams. One subtree, `group:default/tribe-50`, has exactly 50 descendants
 *   on three levels (2 departments, 8 areas, 40 teams); it is the group of the
 *   "everything this group is responsible for" benchmark.
 * - Teams carry `spec.topology` (stream-aligned, platform, enabling,
 *   complicated-subsystem), some with interactions.
 * - Domains, systems, components, APIs and resources carry `spec.owner`,
 *   `partOf` (component → system → domain), `dependsOn` (components on
 *   resources and components), `providesApis`/`consumesApis`, and
 *   `spec.responsibilities` on a share of them, so every resolution rule
 *   (explicit, inherited, derived, default) is exercised.
 */
export interface GeneratedCatalog {
  entities: Entity[];
  counts: Record<string, number>;
  /** The group with 50 descendants. */
  tribeRef: string;
  /** A sample of component refs, for latency probes. */
  componentRefs: string[];
  /** Lookup queries: exact names, prefixes and substrings. */
  lookupQueries: string[];
}

const LOCATION = 'url:https://bench.triad.invalid/catalog-info.yaml';

const pad = (n: number, width = 5) => String(n).padStart(width, '0');

export function generateCatalog(total: number): GeneratedCatalog {
  const rand = prng(42);
  const pick = <T>(list: readonly T[]): T =>
    list[Math.floor(rand() * list.length)];
  const share = (fraction: number) => Math.max(1, Math.round(total * fraction));

  const nGroups = Math.max(80, share(0.02));
  const nUsers = share(0.1);
  const nComponents = share(0.5);
  const nSystems = share(0.1);
  const nDomains = share(0.01);
  const nResources = share(0.1);
  const nApis = Math.max(
    1,
    total - nGroups - nUsers - nComponents - nSystems - nDomains - nResources,
  );

  const entities: Entity[] = [];
  const meta = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location': LOCATION,
      'backstage.io/managed-by-origin-location': LOCATION,
    },
    ...extra,
  });
  const add = (kind: string, metadata: any, spec: any) =>
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata,
      spec,
    } as Entity);

  // ---- Groups -------------------------------------------------------------
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
  const groups: { name: string; parent?: string; type: string }[] = [];
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
  const teams = [...otherTeams, ...tribeTeams];
  const topologyOf = new Map<string, (typeof teamTypes)[number]>();
  for (const t of teams) topologyOf.set(t, pick(teamTypes));
  const platformTeams = teams.filter(t => topologyOf.get(t) === 'platform');
  const sreTeams = teams.filter((_, i) => i % 17 === 0);
  for (const g of groups) {
    const topologyType = topologyOf.get(g.name);
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

  // ---- Users --------------------------------------------------------------
  for (let i = 0; i < nUsers; i++) {
    const name = `user-${pad(i)}`;
    const memberOf = [teams[i % teams.length]];
    if (rand() < 0.1) memberOf.push(pick(teams));
    add('User', meta(name), {
      profile: {
        displayName: `Person ${pad(i)}`,
        email: `${name}@bench.example`,
      },
      memberOf: [...new Set(memberOf)],
    });
  }

  // ---- Domains, systems ---------------------------------------------------
  const resp = (role: string, ref: string) => ({ role, ref: `group:${ref}` });
  const domains: string[] = [];
  for (let i = 0; i < nDomains; i++) {
    const name = `domain-${pad(i, 4)}`;
    domains.push(name);
    add('Domain', meta(name), {
      owner: `group:${departments[i % departments.length]}`,
      ...(i % 3 === 0
        ? { responsibilities: [resp('sre', sreTeams[i % sreTeams.length])] }
        : {}),
    });
  }
  // Each team owns systems; the tribe's teams own theirs like any other.
  const systems: { name: string; owner: string }[] = [];
  for (let i = 0; i < nSystems; i++) {
    const name = `system-${pad(i)}`;
    const owner = teams[i % teams.length];
    systems.push({ name, owner });
    add('System', meta(name), {
      owner: `group:${owner}`,
      domain: domains[i % domains.length],
      ...(i % 4 === 0
        ? { responsibilities: [resp('sre', sreTeams[i % sreTeams.length])] }
        : {}),
    });
  }

  // ---- Resources (platform-owned, for the derived platform role) ----------
  const resources: string[] = [];
  for (let i = 0; i < nResources; i++) {
    const name = `resource-${pad(i)}`;
    resources.push(name);
    const owner =
      i % 5 === 4 || platformTeams.length === 0
        ? teams[i % teams.length]
        : platformTeams[i % platformTeams.length];
    add('Resource', meta(name), {
      type: pick(['database', 'queue', 'bucket', 'cache']),
      owner: `group:${owner}`,
      system: systems[i % systems.length].name,
    });
  }

  // ---- APIs ---------------------------------------------------------------
  const apis: string[] = [];
  for (let i = 0; i < nApis; i++) {
    const name = `api-${pad(i)}`;
    apis.push(name);
    const system = systems[i % systems.length];
    add('API', meta(name), {
      type: 'openapi',
      lifecycle: 'production',
      owner: `group:${system.owner}`,
      system: system.name,
      definition: 'openapi: 3.0.0',
    });
  }

  // ---- Components ---------------------------------------------------------
  const componentRefs: string[] = [];
  for (let i = 0; i < nComponents; i++) {
    const name = `component-${pad(i)}`;
    const system = systems[i % systems.length];
    const dependsOn = [`resource:${resources[(i * 7) % resources.length]}`];
    if (i > 0 && rand() < 0.5)
      dependsOn.push(`component:component-${pad(Math.floor(rand() * i))}`);
    const spec: any = {
      type: pick(['service', 'service', 'website', 'library']),
      lifecycle: rand() < 0.8 ? 'production' : 'experimental',
      owner: `group:${system.owner}`,
      system: system.name,
      dependsOn,
      providesApis: [apis[i % apis.length]],
      consumesApis: [pick(apis)],
    };
    const r = rand();
    if (r < 0.1) {
      spec.responsibilities = [resp('sre', pick(sreTeams))];
    } else if (r < 0.12) {
      // A responsibility held by a team that does not exist: orphaned.
      spec.responsibilities = [resp('sre', `gone-team-${i}`)];
    }
    add(
      'Component',
      meta(name, { title: `Component ${pad(i)}`, description: 'Generated' }),
      spec,
    );
    if (i % Math.max(1, Math.floor(nComponents / 2000)) === 0)
      componentRefs.push(`component:default/${name}`);
  }

  const counts: Record<string, number> = {};
  for (const e of entities) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return {
    entities,
    counts,
    tribeRef: 'group:default/tribe-50',
    componentRefs,
    lookupQueries: [
      'component-01234',
      'tribe-50',
      'user-0042',
      'team-01',
      'system-0099',
      'person 0007',
      'resource-0',
      'api-1',
    ],
  };
}
