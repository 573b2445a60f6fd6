import { Entity } from '@backstage/catalog-model';
import { GeneratedCatalog } from '../../lib/generateCatalog';

/** What the part measures: SLOs on entities that lie on dependency chains. */
export interface ChainSlos {
  /** The SLO entities, one per measured entity. */
  slos: Entity[];
  /** The measured entities (components and resources), as full refs. */
  services: string[];
  /** Builtin series of each measured entity, by its ref. */
  seriesOf: Map<string, string>;
  /** Resources with an incident, and every measured entity behind one. */
  incident: { resources: Set<string>; dependents: Set<string> };
  /** Per measured entity: its dependencies (transitive) that have SLOs. */
  dependencies: Map<string, string[]>;
  /** Per measured component: the dependsOn hops to its farthest dependency. */
  depths: number[];
}

const full = (ref: string) => {
  const [kind, name] = ref.split(':');
  return `${kind.toLocaleLowerCase('en-US')}:default/${name}`;
};

/** Each component's dependsOn targets, as full refs, by its ref. */
function edgesOf(catalog: GeneratedCatalog): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const e of catalog.entities) {
    if (e.kind !== 'Component') continue;
    const dependsOn = (e.spec?.dependsOn as string[] | undefined) ?? [];
    edges.set(`component:default/${e.metadata.name}`, dependsOn.map(full));
  }
  return edges;
}

/** Everything `ref` reaches through dependsOn, nearest first, and the depth. */
function reach(ref: string, edges: Map<string, string[]>) {
  const seen = new Set<string>([ref]);
  const order: string[] = [];
  let level = [ref];
  let depth = 0;
  while (level.length) {
    const next = level
      .flatMap(r => edges.get(r) ?? [])
      .filter(r => !seen.has(r) && seen.add(r));
    if (!next.length) break;
    depth++;
    order.push(...next);
    level = next;
  }
  return { order, depth };
}

/**
 * `count` entities on the catalog's longest dependency chains: components
 * taken deepest chain first, each with everything it depends on, so every
 * ceiling multiplies a real chain of SLOs. One SLO each, a built-in series
 * each; every `incidentEvery`-th resource has an incident that the entities
 * depending on it burn through.
 */
export function chainSlos(
  catalog: GeneratedCatalog,
  count: number,
  incidentEvery = 10,
): ChainSlos {
  const edges = edgesOf(catalog);
  const reached = new Map(
    [...edges.keys()].map(ref => [ref, reach(ref, edges)]),
  );
  const byDepth = [...reached].sort(
    ([a, x], [b, y]) => y.depth - x.depth || a.localeCompare(b),
  );
  const chosen = new Set<string>();
  for (const [ref, { order }] of byDepth) {
    for (const r of [ref, ...order]) {
      if (chosen.size < count) chosen.add(r);
    }
    if (chosen.size >= count) break;
  }
  const services = [...chosen];
  const resources = services.filter(r => r.startsWith('resource:'));
  const incidentResources = new Set(
    resources.filter((_, i) => i % incidentEvery === 0),
  );
  const dependencies = new Map(
    services.map(ref => [
      ref,
      (reached.get(ref)?.order ?? []).filter(r => chosen.has(r)),
    ]),
  );
  const dependents = new Set(
    services.filter(ref =>
      dependencies.get(ref)!.some(r => incidentResources.has(r)),
    ),
  );
  const seriesOf = new Map(
    services.map(ref => [ref, `${ref.split('/')[1]}/requests`]),
  );
  return {
    slos: services.map(ref => sloEntity(ref, seriesOf.get(ref)!)),
    services,
    seriesOf,
    incident: { resources: incidentResources, dependents },
    dependencies,
    depths: services
      .filter(r => r.startsWith('component:'))
      .map(r => reached.get(r)!.depth),
  };
}

const LOCATION = 'url:https://bench.triad.invalid/dependency-slos.yaml';

/** An OpenSLO availability SLO on the built-in source, 28 days rolling. */
function sloEntity(serviceRef: string, series: string): Entity {
  const name = serviceRef.split('/')[1];
  const metric = {
    metricSource: { metricSourceRef: 'builtin', spec: { series } },
  };
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name: `${name}-availability`,
      displayName: `${name} availability`,
      annotations: {
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
      },
    },
    spec: {
      service: serviceRef,
      indicator: {
        metadata: { name: `${name}-requests` },
        spec: { ratioMetric: { counter: true, good: metric, total: metric } },
      },
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [
        {
          displayName: 'Requests without an error',
          target: serviceRef.startsWith('resource:') ? 0.9995 : 0.999,
        },
      ],
    },
  };
}
