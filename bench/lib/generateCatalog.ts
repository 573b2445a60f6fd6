import { Entity } from '@backstage/catalog-model';
import { CatalogBuilder, catalogBuilder, pad, resp } from './catalogBuilder';
import { addGroups } from './generateGroups';

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

type Org = ReturnType<typeof addGroups>;

export function generateCatalog(total: number): GeneratedCatalog {
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

  // The order matters: each kind draws from the same random source.
  const b = catalogBuilder(42);
  const org = addGroups(b, nGroups);
  addUsers(b, nUsers, org.teams);
  const systems = addSystems(b, nSystems, addDomains(b, nDomains, org), org);
  const resources = addResources(b, nResources, systems, org);
  const apis = addApis(b, nApis, systems);
  const componentRefs = addComponents(b, nComponents, {
    systems,
    resources,
    apis,
    sreTeams: org.sreTeams,
  });

  const { entities } = b;
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

function addUsers(
  { rand, pick, add, meta }: CatalogBuilder,
  nUsers: number,
  teams: string[],
) {
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
}

function addDomains(
  { add, meta }: CatalogBuilder,
  nDomains: number,
  { departments, sreTeams }: Org,
) {
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
  return domains;
}

function addSystems(
  { add, meta }: CatalogBuilder,
  nSystems: number,
  domains: string[],
  { teams, sreTeams }: Org,
) {
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
  return systems;
}

/** Resources, mostly platform-owned, for the derived platform role. */
function addResources(
  { pick, add, meta }: CatalogBuilder,
  nResources: number,
  systems: { name: string; owner: string }[],
  { teams, platformTeams }: Org,
) {
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
  return resources;
}

function addApis(
  { add, meta }: CatalogBuilder,
  nApis: number,
  systems: { name: string; owner: string }[],
) {
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
  return apis;
}

/** Adds the components; returns a sample of their refs. */
function addComponents(
  { rand, pick, add, meta }: CatalogBuilder,
  nComponents: number,
  {
    systems,
    resources,
    apis,
    sreTeams,
  }: {
    systems: { name: string; owner: string }[];
    resources: string[];
    apis: string[];
    sreTeams: string[];
  },
) {
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
  return componentRefs;
}
