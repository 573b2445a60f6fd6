import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  compositeGraphProblems,
  compositeParts,
  CompositeSloResult,
  evaluateComposite,
  isCompositeSlo,
  SloDocument,
  sloServiceRef,
} from '@triad/plugin-slo-common';
import { sloDocumentOf } from '../evaluation/SloDefinitions';
import { measuredService } from '../evaluation/sloContext';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { CompositeNode, loadCompositeGraph } from './loadCompositeGraph';
import { PartFigures, partFigures } from './partFigures';

/**
 * Evaluates composite SLOs from their parts (evaluateComposite in slo-common
 * holds the formula). The caller must be able to read the composite and what
 * it measures; parts are read and evaluated with the plugin's own
 * credentials, so the composite is the same number for everyone, and a part
 * the caller may not read counts but is not named.
 */
export class CompositeService {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      evaluator: Pick<SloEvaluator, 'evaluate'>;
    },
  ) {}

  async evaluate(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<CompositeSloResult> {
    const { catalog, auth } = this.deps;
    const ref = `slo:${namespace}/${name}`;
    const entity = await catalog.getEntityByRef(ref, { credentials });
    const doc = entity && sloDocumentOf(entity);
    if (!doc) throw new NotFoundError(`No SLO ${ref} found`);
    if (!isCompositeSlo(doc.spec)) {
      throw new InputError(
        `${ref} is not a composite SLO: none of its objectives names a part (sloRef)`,
      );
    }
    const serviceRef = stringifyEntityRef(sloServiceRef(doc));
    if (!(await catalog.getEntityByRef(serviceRef, { credentials }))) {
      throw new NotFoundError(`No SLO ${ref} found`);
    }
    const own = await auth.getOwnServiceCredentials();
    const graph = await loadCompositeGraph(catalog, namespace, doc, own);
    const problems = compositeGraphProblems(name, doc.spec, n =>
      n === name ? doc.spec : graph.get(n)?.doc.spec,
    );
    const parts = compositeParts(doc.spec);
    const figures = problems.length
      ? parts.map((): PartFigures => ({ status: 'no-data' }))
      : await Promise.all(
          parts.map(p => this.figuresOf(graph.get(p.sloRef)!, graph, own)),
        );
    const evaluation = evaluateComposite(
      parts.map((p, i) => ({
        ref: p.sloRef,
        weight: p.weight,
        consumed: figures[i].consumed,
      })),
    );
    const readable = await this.readableParts(graph, parts, credentials);
    return {
      ref: stringifyEntityRef(entity),
      namespace,
      name,
      title: doc.metadata.displayName ?? name,
      serviceRef,
      evaluatedAt: new Date().toISOString(),
      consumed: evaluation.consumed,
      remaining: evaluation.remaining,
      status: problems.length ? 'no-data' : evaluation.status,
      parts: parts.map((p, i) => {
        const node = readable.has(p.sloRef) ? graph.get(p.sloRef) : undefined;
        const { ref: _, ...share } = evaluation.parts[i];
        return {
          path: p.path,
          displayName: doc.spec.objectives[i].displayName,
          ...(node
            ? {
                ref: stringifyEntityRef(node.entity),
                title: node.doc.metadata.displayName ?? p.sloRef,
              }
            : { hidden: true }),
          ...share,
          status: figures[i].status,
        };
      }),
      problems,
    };
  }

  /** A part's consumed budget: a composite's own, or the worst objective's. */
  private async figuresOf(
    node: CompositeNode,
    graph: Map<string, CompositeNode>,
    own: BackstageCredentials,
  ): Promise<PartFigures> {
    if (isCompositeSlo(node.doc.spec)) return this.nested(node.doc, graph, own);
    const service = await this.deps.catalog.getEntityByRef(
      stringifyEntityRef(sloServiceRef(node.doc)),
      { credentials: own },
    );
    if (!service) return { status: 'no-data' };
    const [result] = await this.deps.evaluator.evaluate(
      [node.entity],
      measuredService(service),
    );
    return partFigures(result);
  }

  /** A composite inside a composite; one with its own cycle has no data. */
  private async nested(
    doc: SloDocument,
    graph: Map<string, CompositeNode>,
    own: BackstageCredentials,
  ): Promise<PartFigures> {
    const name = doc.metadata.name;
    const lookup = (n: string) => graph.get(n)?.doc.spec;
    if (compositeGraphProblems(name, doc.spec, lookup).length) {
      return { status: 'no-data' };
    }
    const parts = compositeParts(doc.spec);
    const figures = await Promise.all(
      parts.map(p => this.figuresOf(graph.get(p.sloRef)!, graph, own)),
    );
    const { consumed, status } = evaluateComposite(
      parts.map((p, i) => ({
        ref: p.sloRef,
        weight: p.weight,
        consumed: figures[i].consumed,
      })),
    );
    return { consumed, status };
  }

  /** Names of the parts whose SLO and measured entity the caller may read. */
  private async readableParts(
    graph: Map<string, CompositeNode>,
    parts: ReturnType<typeof compositeParts>,
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const known = parts.flatMap(p => {
      const node = graph.get(p.sloRef);
      return node ? [[p.sloRef, node] as const] : [];
    });
    const refs = known.flatMap(([, node]) => [
      stringifyEntityRef(node.entity),
      stringifyEntityRef(sloServiceRef(node.doc)),
    ]);
    if (!refs.length) return new Set();
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    return new Set(
      known
        .filter((_, i) => items[2 * i] && items[2 * i + 1])
        .map(([name]) => name),
    );
  }
}
