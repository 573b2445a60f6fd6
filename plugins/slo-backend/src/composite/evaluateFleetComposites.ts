import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  compositeGraphProblems,
  compositeParts,
  evaluateComposite,
  isCompositeSlo,
  periodAt,
  SloDocument,
  SloResult,
  sloServiceRef,
  toTimeWindow,
} from '@triad/plugin-slo-common';
import { SnapshotStore } from '../database/SnapshotStore';
import { sloDocumentOf } from '../evaluation/SloDefinitions';
import { contextOf } from '../evaluation/sloContext';
import { PartFigures, partFigures } from './partFigures';

interface CompositeFigures extends PartFigures {
  stale: boolean;
  problems: string[];
}

const keyOf = (namespace: string, name: string) =>
  `slo:${namespace}/${name}`.toLocaleLowerCase('en-US');

/**
 * The composite SLOs of a scheduled run, from the results of their parts in
 * the same run (evaluateComposite holds the formula, partFigures what a part
 * gives, as CompositeService does on demand): nothing is measured twice.
 * Each is stored as a snapshot, so the fleet lists it with its budget.
 */
export async function evaluateFleetComposites(
  deps: {
    catalog: CatalogService;
    snapshots: Pick<SnapshotStore, 'save'>;
  },
  run: {
    /** Every SLO entity of the run, composites among them. */
    entities: Entity[];
    /** The run's results of the plain SLOs. */
    results: SloResult[];
    credentials: BackstageCredentials;
    at?: Date;
  },
): Promise<SloResult[]> {
  const docs = new Map<string, SloDocument>();
  const composites: Array<{ entity: Entity; doc: SloDocument }> = [];
  for (const entity of run.entities) {
    const doc = sloDocumentOf(entity);
    if (!doc) continue;
    docs.set(
      keyOf(entity.metadata.namespace ?? 'default', doc.metadata.name),
      doc,
    );
    if (isCompositeSlo(doc.spec)) composites.push({ entity, doc });
  }
  if (!composites.length) return [];
  const results = new Map(
    run.results.map(r => [keyOf(r.namespace, r.name), r]),
  );
  const figures = compositeFigures(docs, results);
  const { items: services } = await deps.catalog.getEntitiesByRefs(
    {
      entityRefs: composites.map(c => stringifyEntityRef(sloServiceRef(c.doc))),
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'relations'],
    },
    { credentials: run.credentials },
  );
  const at = run.at ?? new Date();
  const stored: SloResult[] = [];
  for (const [i, { entity, doc }] of composites.entries()) {
    const namespace = entity.metadata.namespace ?? 'default';
    const result = compositeResult(
      entity,
      doc,
      figures(namespace, doc),
      contextOf(services[i] ?? undefined),
      at,
    );
    await deps.snapshots.save(result);
    stored.push(result);
  }
  return stored;
}

/** Figures of a composite, parts first; a nested composite is worked out once. */
function compositeFigures(
  docs: Map<string, SloDocument>,
  results: Map<string, SloResult>,
) {
  const memo = new Map<string, CompositeFigures>();
  const figures = (namespace: string, doc: SloDocument): CompositeFigures => {
    const key = keyOf(namespace, doc.metadata.name);
    const known = memo.get(key);
    if (known) return known;
    // Marked first, so that a cycle the checks below miss still ends.
    memo.set(key, { status: 'no-data', stale: false, problems: ['cycle'] });
    const problems = compositeGraphProblems(
      doc.metadata.name,
      doc.spec,
      n => docs.get(keyOf(namespace, n))?.spec,
    ).map(p => `${p.path}: ${p.message}`);
    const none: PartFigures = { status: 'no-data' };
    const parts = compositeParts(doc.spec).map(
      (
        p,
      ): PartFigures & {
        stale?: boolean;
      } => {
        const partDoc = docs.get(keyOf(namespace, p.sloRef));
        if (problems.length || !partDoc) return none;
        if (isCompositeSlo(partDoc.spec)) return figures(namespace, partDoc);
        const result = results.get(keyOf(namespace, p.sloRef));
        return result ? { ...partFigures(result), stale: result.stale } : none;
      },
    );
    const evaluation = evaluateComposite(
      compositeParts(doc.spec).map((p, i) => ({
        ref: p.sloRef,
        weight: p.weight,
        consumed: parts[i].consumed,
      })),
    );
    const result: CompositeFigures = problems.length
      ? { status: 'no-data', stale: false, problems }
      : {
          consumed: evaluation.consumed,
          status: evaluation.status,
          stale: parts.some(p => p.stale),
          problems,
        };
    memo.set(key, result);
    return result;
  };
  return figures;
}

/** A composite as a fleet entry: no objectives, its figures in `composite`. */
function compositeResult(
  entity: Entity,
  doc: SloDocument,
  figures: CompositeFigures,
  context: ReturnType<typeof contextOf>,
  at: Date,
): SloResult {
  const timeWindow = toTimeWindow(doc.spec.timeWindow[0]);
  const period = periodAt(timeWindow, at);
  const { consumed } = figures;
  const serviceRef = stringifyEntityRef(sloServiceRef(doc));
  return JSON.parse(
    JSON.stringify({
      ref: stringifyEntityRef(entity),
      namespace: entity.metadata.namespace ?? 'default',
      name: entity.metadata.name,
      title:
        doc.metadata.displayName ??
        entity.metadata.title ??
        entity.metadata.name,
      description: doc.spec.description,
      serviceRef,
      ownerRef: context.ownerRef,
      // A composite usually measures a system: the fleet's system filter finds it there.
      systemRef:
        context.systemRef ??
        (serviceRef.startsWith('system:') ? serviceRef : undefined),
      budgetingMethod: doc.spec.budgetingMethod,
      timeWindow,
      period,
      evaluatedAt: at.toISOString(),
      stale: figures.stale,
      ...(figures.stale && {
        staleReason: 'a part was served from its last good evaluation',
      }),
      ...(figures.problems.length > 0 && {
        error: `cannot be evaluated: ${figures.problems.join('; ')}`,
      }),
      status: figures.status,
      objectives: [],
      composite: {
        parts: compositeParts(doc.spec).length,
        consumed,
        remaining: consumed === undefined ? undefined : 1 - consumed,
      },
    }),
  );
}
