import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  burnAttribution,
  BurnDependent,
  BurnDependentsResponse,
  burningBucketStarts,
  TeamSloDependents,
} from '@triad/plugin-slo-common';
import { contextOf } from '../evaluation/sloContext';
import { SloDefinition } from '../evaluation/SloDefinitions';
import { BurnAttributionDeps, byShare } from './BurnAttributionService';
import { Dependent, loadDependents } from './loadDependents';
import {
  attributedSlo,
  burnWindowOf,
  NO_SERIES_PROBLEM,
  readBurnSeries,
} from './readBurnSeries';
import { slosOfKind } from './slosOfKind';
import { teamEntities } from './teamEntities';

/** Bounds on one answer: the team's SLOs, and dependents per measured entity. */
export const BURN_DEPENDENTS_CAPS = { slos: 20, dependents: 50 };

/** A team SLO with the entity it measures and what depends on that entity. */
interface TeamSlo {
  def: SloDefinition;
  entityRef: string;
  dependents: Dependent[];
  dependentDefs: SloDefinition[];
}

/**
 * The reverse of BurnAttributionService, for a team: for each SLO of the
 * entities it owns or holds a role for, the dependent services whose SLOs
 * of the same kind burned while that SLO burned faster than 1× (the same
 * burnAttribution rule, with the team's SLO as the dependency), over the
 * team SLO's current window. Read with the caller's credentials.
 */
export class BurnDependentsService {
  constructor(
    private readonly deps: BurnAttributionDeps,
    private readonly caps = BURN_DEPENDENTS_CAPS,
  ) {}

  async dependents(
    groupRef: string,
    kind: string,
    credentials: BackstageCredentials,
    at = new Date(),
  ): Promise<BurnDependentsResponse> {
    const { catalog } = this.deps;
    const group = await catalog.getEntityByRef(groupRef, { credentials });
    if (!group || group.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new NotFoundError(`No group ${groupRef} found`);
    }
    const ref = stringifyEntityRef(group);
    const entities = await teamEntities(this.deps, ref, credentials);
    const slos = await slosOfKind(
      catalog,
      [...entities.keys()],
      kind,
      credentials,
    );
    const pairs = [...slos]
      .flatMap(([entityRef, list]) => list.map(slo => ({ entityRef, slo })))
      .sort((a, b) =>
        stringifyEntityRef(a.slo).localeCompare(stringifyEntityRef(b.slo)),
      );
    let truncated = pairs.length > this.caps.slos;
    const kept = pairs.slice(0, this.caps.slos);
    const teamSlos: TeamSlo[] = [];
    for (const entityRef of new Set(kept.map(p => p.entityRef))) {
      const walk = await loadDependents(
        catalog,
        entities.get(entityRef)!,
        credentials,
        this.caps.dependents,
      );
      truncated ||= walk.truncated;
      const theirs = await slosOfKind(
        catalog,
        walk.dependents.map(d => d.ref),
        kind,
        credentials,
      );
      const dependentDefs = await this.deps.definitions.resolve(
        [...theirs.values()].flat(),
      );
      const defs = await this.deps.definitions.resolve(
        kept.filter(p => p.entityRef === entityRef).map(p => p.slo),
      );
      for (const def of defs) {
        teamSlos.push({
          def,
          entityRef,
          dependents: walk.dependents,
          dependentDefs,
        });
      }
    }
    return {
      groupRef: ref,
      slos: await Promise.all(teamSlos.map(t => this.teamSlo(t, kind, at))),
      truncated,
      evaluatedAt: at.toISOString(),
    };
  }

  /** One team SLO and the dependents whose SLOs burned while it burned. */
  private async teamSlo(
    team: TeamSlo,
    kind: string,
    at: Date,
  ): Promise<TeamSloDependents> {
    const { def, dependentDefs } = team;
    const window = burnWindowOf(def, [def, ...dependentDefs], at);
    const series = await readBurnSeries(
      this.deps,
      [def, ...dependentDefs],
      window,
    );
    const own = series.get(def.ref);
    const dependents: BurnDependent[] = own
      ? dependentDefs.flatMap(d => {
          const theirs = series.get(d.ref);
          const dependent = team.dependents.find(
            x =>
              x.ref.toLocaleLowerCase('en-US') ===
              d.serviceRef.toLocaleLowerCase('en-US'),
          );
          if (!theirs || !dependent) return [];
          const { burned, share } = burnAttribution(theirs.buckets, [own]);
          if (!(burned > 0)) return [];
          return [describe(dependent, theirs.slo, burned, share)];
        })
      : [];
    return {
      slo: own?.slo ?? attributedSlo(def),
      ...(own ? {} : { problem: NO_SERIES_PROBLEM }),
      entityRef: team.entityRef,
      kind,
      from: window.period.start.toISOString(),
      to: at.toISOString(),
      buckets: own ? burningBucketStarts([own]).size : 0,
      dependents: dependents.sort(byShare(d => d.slo.ref)),
    };
  }
}

function describe(
  dependent: Dependent,
  slo: BurnDependent['slo'],
  burned: number,
  share: number | undefined,
): BurnDependent {
  const { ownerRef } = contextOf(dependent.entity as Entity);
  return {
    entityRef: dependent.ref,
    path: dependent.path,
    ...(ownerRef ? { owner: ownerRef } : {}),
    slo,
    burned,
    ...(share === undefined ? {} : { share }),
  };
}
