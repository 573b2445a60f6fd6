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

/** An SLO entity with its validated OpenSLO document. */
interface SloEntity {
  entity: Entity;
  doc: SloDocument;
}

/** The entities that are valid OpenSLO SLOs, with their documents. */
function validSlos(entities: Entity[]): SloEntity[] {
  return entities.flatMap(entity => {
    const doc = sloDocumentOf(entity);
    return doc ? [{ entity, doc }] : [];
  });
}

/**
 * The composite SLOs of a scheduled run, once every plain SLO of the run is
 * stored: each part's result is its latest snapshot, the one this run just
 * wrote (evaluateFleetComposites measures nothing; evaluateComposite holds the
 * formula, partFigures what a part gives, as CompositeService does on
 * demand). Parts are read from the catalog, nested composites' parts too, so
 * the run need not keep the whole fleet in memory. Each composite is stored
 * as a snapshot, so the fleet lists it with its budget.
 */
export async function evaluateFleetComposites(
  deps: {
    catalog: CatalogService;
    snapshots: Pick<SnapshotStore, 'save' | 'results'>;
  },
  run: {
    /** The run's SLO entities that look composite (see looksComposite). */
    composites: Entity[];
    credentials: BackstageCredentials;
    at?: Date;
  },
): Promise<SloResult[]> {
  const composites = validSlos(run.composites).filter(c =>
    isCompositeSlo(c.doc.spec),
  );
  if (!composites.length) return [];
  const { docs, plainRefs } = await loadParts(
    deps.catalog,
    composites,
    run.credentials,
  );
  const results = new Map(
    (await deps.snapshots.results(plainRefs)).map(r => [
      keyOf(r.namespace, r.name),
      r,
    ]),
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

/**
 * The documents of the composites and of every SLO they reach through their
 * parts (asked of the catalog level by level), and the refs of the plain
 * SLOs among the parts.
 */
async function loadParts(
  catalog: CatalogService,
  composites: SloEntity[],
  credentials: BackstageCredentials,
) {
  const docs = new Map<string, SloDocument>();
  const plainRefs: string[] = [];
  let level = composites;
  while (level.length) {
    const wanted = new Set<string>();
    for (const { entity, doc } of level) {
      const namespace = entity.metadata.namespace ?? 'default';
      docs.set(keyOf(namespace, doc.metadata.name), doc);
      if (!isCompositeSlo(doc.spec)) {
        plainRefs.push(stringifyEntityRef(entity));
        continue;
      }
      for (const part of compositeParts(doc.spec)) {
        const key = keyOf(namespace, part.sloRef);
        if (!docs.has(key)) wanted.add(key);
      }
    }
    if (!wanted.size) break;
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: [...wanted] },
      { credentials },
    );
    level = validSlos(items.filter((e): e is Entity => !!e));
  }
  return { docs, plainRefs };
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
