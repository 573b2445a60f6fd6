import { Entity } from '@backstage/catalog-model';
import { prng } from './util';

const MINUTE = 60_000;
const LOCATION = 'url:https://bench.triad.invalid/slos.yaml';

/**
 * Per-minute request counters for `services` services over `days` days,
 * ending at `endMs` (a minute boundary in the past), in OpenMetrics for
 * promtool: `bench_requests_total{service, code="200"|"500"}`, 600–1,400
 * requests a minute with about 0.1 % errors, and error bursts here and there.
 */
export function requestCounters(
  services: number,
  days: number,
  endMs: number,
): { openMetrics: string; samples: number } {
  const rand = prng(7);
  const n = days * 24 * 60;
  const lines: string[] = ['# TYPE bench_requests counter'];
  for (let s = 0; s < services; s++) {
    const service = serviceName(s);
    const ok: string[] = [];
    const err: string[] = [];
    let good = 0;
    let bad = 0;
    let burst = 0;
    for (let i = 0; i < n; i++) {
      const t = (endMs - (n - 1 - i) * MINUTE) / 1000;
      const total = 600 + Math.floor(rand() * 800);
      if (burst === 0 && rand() < 0.0005) burst = 30 + Math.floor(rand() * 90);
      const share = burst > 0 ? 0.05 : 0.001;
      if (burst > 0) burst--;
      const errors = Math.floor(total * share * 2 * rand());
      good += total - errors;
      bad += errors;
      ok.push(
        `bench_requests_total{service="${service}",code="200"} ${good} ${t}`,
      );
      err.push(
        `bench_requests_total{service="${service}",code="500"} ${bad} ${t}`,
      );
    }
    lines.push(...ok, ...err);
  }
  lines.push('# EOF', '');
  return { openMetrics: lines.join('\n'), samples: services * 2 * n };
}

export const serviceName = (s: number) => `svc-${String(s).padStart(2, '0')}`;

/** The five SLO shapes every component gets. */
const VARIANTS = [
  {
    suffix: 'availability',
    method: 'Occurrences',
    target: 0.999,
    good: 'code!~"5.."',
  },
  {
    suffix: 'errors',
    method: 'Occurrences',
    target: 0.995,
    bad: 'code=~"5.."',
  },
  {
    suffix: 'success',
    method: 'Occurrences',
    target: 0.99,
    good: 'code="200"',
  },
  {
    suffix: 'non-5xx',
    method: 'Occurrences',
    target: 0.9995,
    good: 'code=~"[1-4].."',
  },
  {
    suffix: 'good-minutes',
    method: 'Timeslices',
    target: 0.99,
    good: 'code!~"5.."',
    timeSlice: '5m',
  },
] as const;

/** Where the fleet part's SLOs sit in an organisation. */
export interface SloOrganisation {
  /** Groups above the 20 teams (team t is a child of department t mod this). */
  departments: number;
  /** Systems the components belong to (component c is part of system c mod this). */
  systems: number;
}

const TEAMS = 20;
export const teamName = (t: number) => `slo-team-${t}`;
export const departmentName = (d: number) => `slo-dept-${d}`;
export const systemName = (s: number) => `slo-system-${s}`;

/**
 * `components` components (owned by 20 teams), each measured by five SLOs on
 * the Prometheus data source: four Occurrences SLOs with different selectors
 * and targets and one Timeslices SLO, all over 28 rolling days. Component i
 * reads the counters of service i mod `services`; every query also carries
 * the matcher `slo!="<slo name>"` (a label the series do not have, so it
 * matches all of them), so no two SLOs send the same query text. With an
 * `organisation`, the teams have parent groups and the components systems.
 */
export function sloEntities(
  components: number,
  services: number,
  organisation?: SloOrganisation,
): Entity[] {
  const entities: Entity[] = organisationEntities(organisation);
  for (let c = 0; c < components; c++) {
    const component = componentName(c);
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: meta(component),
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: `group:${teamName(c % TEAMS)}`,
        ...(organisation && {
          system: systemName(c % organisation.systems),
        }),
      },
    });
    for (const v of VARIANTS) {
      entities.push(sloEntity(component, serviceName(c % services), v));
    }
  }
  return entities;
}

function meta(name: string) {
  return {
    name,
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location': LOCATION,
      'backstage.io/managed-by-origin-location': LOCATION,
    },
  };
}

/** The 20 teams, and with an organisation their departments and the systems. */
function organisationEntities(organisation?: SloOrganisation): Entity[] {
  const group = (name: string, spec: Record<string, unknown>): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: meta(name),
    spec: { children: [], ...spec },
  });
  const entities: Entity[] = [];
  for (let d = 0; d < (organisation?.departments ?? 0); d++) {
    entities.push(group(departmentName(d), { type: 'department' }));
  }
  for (let t = 0; t < TEAMS; t++) {
    entities.push(
      group(teamName(t), {
        type: 'team',
        ...(organisation && {
          parent: departmentName(t % organisation.departments),
        }),
      }),
    );
  }
  for (let s = 0; s < (organisation?.systems ?? 0); s++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: meta(systemName(s)),
      spec: { owner: `group:${teamName(s % TEAMS)}` },
    });
  }
  return entities;
}

/** One SLO of `component` in the shape `v`, reading `service`'s counters. */
function sloEntity(
  component: string,
  service: string,
  v: (typeof VARIANTS)[number],
): Entity {
  const name = `${component}-${v.suffix}`;
  const selector = (extra?: string) =>
    `bench_requests_total{service="${service}",${
      extra ? `${extra},` : ''
    }slo!="${name}"}`;
  const metric = (query: string) => ({
    metricSource: { metricSourceRef: 'prometheus', spec: { query } },
  });
  const ratioMetric: Record<string, unknown> = {
    counter: true,
    total: metric(selector()),
  };
  if ('good' in v) ratioMetric.good = metric(selector(v.good));
  if ('bad' in v) ratioMetric.bad = metric(selector(v.bad));
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: meta(name),
    spec: {
      service: component,
      indicator: {
        metadata: { name: `${name}-sli` },
        spec: { ratioMetric },
      },
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: v.method,
      objectives: [
        {
          displayName: v.suffix,
          target: v.target,
          ...('timeSlice' in v
            ? { timeSliceTarget: 0.95, timeSliceWindow: v.timeSlice }
            : {}),
        },
      ],
    },
  } as Entity;
}

export const componentName = (c: number) => `svc-${String(c).padStart(3, '0')}`;
