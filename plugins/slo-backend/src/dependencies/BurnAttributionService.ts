import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OwnershipApi } from '@triad/plugin-ownership-common';
import {
  burnAttribution,
  BurnAttributionDependency,
  BurnAttributionResponse,
  burnedBudget,
  isCompositeSlo,
  sloKindOf,
  sloServiceRef,
  walkDependencies,
  WalkedDependency,
} from '@triad/plugin-slo-common';
import { contextOf } from '../evaluation/sloContext';
import { SloDefinitions, sloDocumentOf } from '../evaluation/SloDefinitions';
import { SloSources } from '../evaluation/SloSources';
import { dependencyHolders } from './dependencyHolders';
import { dependencyEdgesOf, loadDependencyGraph } from './loadDependencyGraph';
import {
  attributedSlo,
  BurnSeries,
  burnWindowOf,
  NO_SERIES_PROBLEM,
  readBurnSeries,
} from './readBurnSeries';
import { slosOfKind } from './slosOfKind';

export interface BurnAttributionDeps {
  catalog: CatalogService;
  definitions: Pick<SloDefinitions, 'resolve'>;
  sources: SloSources;
  ownership: OwnershipApi;
  auth: AuthService;
  logger: LoggerService;
}

/** Largest share first (no share counts as none), then by ref. */
export function byShare<T extends { share?: number }>(
  key: (item: T) => string,
) {
  return (a: T, b: T) =>
    (b.share ?? 0) - (a.share ?? 0) || key(a).localeCompare(key(b));
}

/**
 * How much of an SLO's burn coincided with each dependency's own burn
 * (burnAttribution in slo-common holds the rule), over the SLO's current
 * window. Everything is read with the caller's credentials; a dependency
 * the caller may not read is left out with what lies only behind it.
 */
export class BurnAttributionService {
  constructor(private readonly deps: BurnAttributionDeps) {}

  /** The SLO entity, valid and not composite, and the entity it measures. */
  async visibleSlo(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<{ slo: Entity; service: Entity }> {
    const { catalog } = this.deps;
    const slo = await catalog.getEntityByRef(ref, { credentials });
    const doc = slo && sloDocumentOf(slo);
    if (!slo || !doc) throw new NotFoundError(`No SLO ${ref} found`);
    if (isCompositeSlo(doc.spec)) {
      throw new InputError(
        `${ref} is a composite SLO: its parts carry the attribution`,
      );
    }
    const serviceRef = stringifyEntityRef(sloServiceRef(doc));
    const service = await catalog.getEntityByRef(serviceRef, { credentials });
    if (!service) throw new NotFoundError(`No entity ${serviceRef} found`);
    return { slo, service };
  }

  async attribution(
    sloRef: string,
    credentials: BackstageCredentials,
    at = new Date(),
  ): Promise<BurnAttributionResponse> {
    const { slo, service } = await this.visibleSlo(sloRef, credentials);
    const [def] = await this.deps.definitions.resolve([slo]);
    if (!def) throw new NotFoundError(`No SLO ${sloRef} found`);
    const kind = sloKindOf(def.doc, def.objectives[0]?.indicator);
    const entityRef = stringifyEntityRef(service);
    const graph = await loadDependencyGraph(
      this.deps.catalog,
      service,
      credentials,
    );
    const walk = walkDependencies(entityRef, ref => {
      const entity = graph.get(ref);
      return entity && dependencyEdgesOf(entity);
    });
    const slos = kind
      ? await slosOfKind(
          this.deps.catalog,
          walk.dependencies.map(d => d.ref),
          kind,
          credentials,
        )
      : new Map<string, Entity[]>();
    const depDefs = await this.deps.definitions.resolve(
      [...slos.values()].flat(),
    );
    const window = burnWindowOf(def, [def, ...depDefs], at);
    const series = await readBurnSeries(this.deps, [def, ...depDefs], window);
    const own = series.get(def.ref);
    const base = {
      slo: own?.slo ?? attributedSlo(def),
      entityRef,
      ...(kind ? { kind } : {}),
      from: window.period.start.toISOString(),
      to: at.toISOString(),
      stepMs: window.stepMs,
      hiddenDependencies: walk.hidden.length,
    };
    // Without the SLO's own counts there is nothing to attribute; saying so
    // beats showing every share as none.
    if (!own) {
      const problem = depDefs.length ? { problem: NO_SERIES_PROBLEM } : {};
      return { ...base, dependencies: [], ...problem };
    }
    return {
      ...base,
      burned: burnedBudget(own.buckets),
      dependencies: await this.dependencies(
        own.buckets,
        walk.dependencies,
        slos,
        series,
        graph,
      ),
    };
  }

  /** Each walked dependency with read SLOs, its share, owner and holders. */
  private async dependencies(
    own: BurnSeries['buckets'],
    walked: WalkedDependency[],
    slos: Map<string, Entity[]>,
    series: Map<string, BurnSeries>,
    graph: Map<string, Entity | undefined>,
  ): Promise<BurnAttributionDependency[]> {
    const read = walked.flatMap(d => {
      const refs = (slos.get(d.ref) ?? []).map(e => stringifyEntityRef(e));
      const found = refs.flatMap(r => series.get(r) ?? []);
      return found.length ? [{ walked: d, found }] : [];
    });
    const holders = await dependencyHolders(
      this.deps,
      read.map(d => d.walked.ref),
    );
    return read
      .map(({ walked: d, found }) => {
        const { ownerRef } = contextOf(graph.get(d.ref));
        return {
          ...d,
          slos: found
            .map(s => s.slo)
            .sort((a, b) => a.ref.localeCompare(b.ref)),
          ...(ownerRef ? { owner: ownerRef } : {}),
          ...(holders.has(d.ref) ? { holders: holders.get(d.ref) } : {}),
          ...burnAttribution(own, found),
        };
      })
      .sort(byShare(d => d.ref));
  }
}
