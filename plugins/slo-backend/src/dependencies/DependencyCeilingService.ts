import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OwnershipApi } from '@triad/plugin-ownership-common';
import {
  CeilingDependency,
  dependencyCeiling,
  DependencyCeilingResponse,
  DependencySloFigures,
  walkDependencies,
} from '@triad/plugin-slo-common';
import { measuredService } from '../evaluation/sloContext';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { dependencyHolders } from './dependencyHolders';
import { dependencyEdgesOf, loadDependencyGraph } from './loadDependencyGraph';
import { slosOfKind } from './slosOfKind';

/**
 * The availability a service's dependencies allow (dependencyCeiling in
 * slo-common holds the rule). Everything is read with the caller's
 * credentials: a dependency the caller may not read is left out with what
 * lies only behind it, so its target cannot be worked out of the product.
 */
export class DependencyCeilingService {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      evaluator: Pick<SloEvaluator, 'evaluate'>;
      ownership: OwnershipApi;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async ceiling(
    entityRef: string,
    kind: string,
    credentials: BackstageCredentials,
  ): Promise<DependencyCeilingResponse> {
    const { catalog } = this.deps;
    const root = await catalog.getEntityByRef(entityRef, { credentials });
    if (!root) throw new NotFoundError(`No entity ${entityRef} found`);
    const rootRef = stringifyEntityRef(root);
    const graph = await loadDependencyGraph(catalog, root, credentials);
    const walk = walkDependencies(rootRef, ref => {
      const entity = graph.get(ref);
      return entity && dependencyEdgesOf(entity);
    });
    const measured = [rootRef, ...walk.dependencies.map(d => d.ref)];
    const slos = await slosOfKind(catalog, measured, kind, credentials);
    const figures = await this.figures(slos, graph);
    const withSlos = walk.dependencies.filter(d => figures.has(d.ref));
    const holders = await dependencyHolders(
      this.deps,
      withSlos.map(d => d.ref),
    );
    const dependencies: CeilingDependency[] = withSlos.map(d => {
      const { ownerRef } = measuredService(graph.get(d.ref)!).context;
      return {
        ...d,
        slos: figures.get(d.ref)!,
        ...(ownerRef ? { owner: ownerRef } : {}),
        ...(holders.has(d.ref) ? { holders: holders.get(d.ref) } : {}),
      };
    });
    const { targetCeiling, measuredCeiling } = dependencyCeiling(dependencies);
    return {
      entityRef: rootRef,
      kind,
      slos: figures.get(rootRef) ?? [],
      ...(targetCeiling === undefined ? {} : { targetCeiling }),
      ...(measuredCeiling === undefined ? {} : { measuredCeiling }),
      dependencies,
      hiddenDependencies: walk.hidden.length,
      evaluatedAt: new Date().toISOString(),
    };
  }

  /** Each SLO's lowest objective target and its SLI, by the entity it measures. */
  private async figures(
    slos: Map<string, Entity[]>,
    graph: Map<string, Entity | undefined>,
  ): Promise<Map<string, DependencySloFigures[]>> {
    const figures = new Map<string, DependencySloFigures[]>();
    await Promise.all(
      [...slos].map(async ([ref, entities]) => {
        const results = await this.deps.evaluator.evaluate(
          entities,
          measuredService(graph.get(ref)!),
        );
        const items = results.flatMap(result => {
          const [lowest] = [...result.objectives].sort(
            (a, b) => a.target - b.target,
          );
          if (!lowest) return [];
          const { ref: sloRef, title } = result;
          const { target, sli } = lowest;
          return [
            {
              ref: sloRef,
              title,
              target,
              ...(sli === undefined ? {} : { sli }),
            },
          ];
        });
        if (items.length) {
          figures.set(
            ref,
            items.sort((a, b) => a.ref.localeCompare(b.ref)),
          );
        }
      }),
    );
    return figures;
  }
}
