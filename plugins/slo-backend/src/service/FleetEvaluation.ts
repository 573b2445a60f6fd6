import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SloResult } from '@triad/plugin-slo-common';
import { queryAllEntities } from '@triad/backend-utils';
import { evaluateFleetComposites } from '../composite/evaluateFleetComposites';
import { looksComposite } from '../composite/looksComposite';
import { FleetRunStore } from '../database/FleetRunStore';
import { SnapshotStore } from '../database/SnapshotStore';
import { contextOf } from '../evaluation/sloContext';
import { SloDefinition, SloDefinitions } from '../evaluation/SloDefinitions';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { SloTransitionNotifier } from '../notifications/SloTransitionNotifier';
import { mapLimit } from './mapLimit';
import { sloRefsFingerprint } from './sloRefsFingerprint';

const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];
const DEFAULT_BATCH_SIZE = 500;

/**
 * The scheduled evaluation of every SLO in the catalog, with the plugin's
 * own credentials: it stores the snapshots behind the fleet list and history,
 * and records each finished run.
 */
export class FleetEvaluation {
  /** SLOs already reported for measuring a missing service. */
  private readonly missingServices = new Set<string>();

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      definitions: SloDefinitions;
      evaluator: SloEvaluator;
      snapshots: SnapshotStore;
      fleetRuns: FleetRunStore;
      /** How many SLOs are evaluated at once. */
      concurrency: number;
      /** How many SLOs are read and evaluated per batch; 500 by default. */
      batchSize?: number;
      /** Tells people of state changes, when notifications are on. */
      notifier?: Pick<SloTransitionNotifier, 'notify' | 'retainOnly'>;
    },
  ) {}

  /**
   * Evaluates every SLO in the catalog and stores snapshots. Run by the
   * scheduler, once per interval cluster-wide.
   *
   * @remarks
   * The fleet is read from the catalog and evaluated a batch at a time
   * (resolve the definitions, fetch their services, evaluate, notify), so
   * that memory holds one batch of entities, definitions and results, not
   * the whole fleet; only the SLOs' refs are kept to the end, to forget SLOs
   * that left the catalog and to record the run.
   */
  async evaluateAll(): Promise<{ evaluated: number; failed: number }> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const sloRefs: string[] = [];
    const evaluatedRefs: string[] = [];
    const composites: Entity[] = [];
    let failed = 0;
    for await (const entities of this.sloBatches(credentials)) {
      sloRefs.push(...entities.map(e => stringifyEntityRef(e)));
      composites.push(...entities.filter(looksComposite));
      const results = await this.evaluateBatch(entities, credentials);
      evaluatedRefs.push(...results.map(r => r.ref));
      failed += results.filter(r => r.stale || r.error).length;
    }
    // Composites after every part, from the parts' results of this run.
    const stored = await evaluateFleetComposites(this.deps, {
      composites,
      credentials,
    });
    evaluatedRefs.push(...stored.map(r => r.ref));
    await this.deps.snapshots.retainOnly(evaluatedRefs);
    await this.deps.notifier?.retainOnly(evaluatedRefs);
    await this.deps.fleetRuns.saveRun({
      finishedAt: Date.now(),
      sloCount: sloRefs.length,
      sloRefsHash: sloRefsFingerprint(sloRefs),
    });
    return { evaluated: evaluatedRefs.length, failed };
  }

  /** Evaluates one batch of SLO entities, stores and tells of the results. */
  private async evaluateBatch(
    entities: Entity[],
    credentials: BackstageCredentials,
  ): Promise<SloResult[]> {
    const defs = await this.deps.definitions.resolve(entities);
    const services = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: defs.map(d => d.serviceRef),
        fields: [...REF_FIELDS, 'relations', 'metadata.annotations'],
      },
      { credentials },
    );
    this.warnAboutMissingServices(defs, services.items);
    const results = await mapLimit(
      defs.map((def, i) => ({ def, service: services.items[i] ?? undefined })),
      this.deps.concurrency,
      ({ def, service }) =>
        this.deps.evaluator.evaluateNow(def, contextOf(service)),
    );
    // In this run, so that one instance tells each change once.
    await this.deps.notifier?.notify(
      results.map((result, i) => ({
        result,
        service: services.items[i] ?? undefined,
      })),
    );
    return results;
  }

  /**
   * Whether the fleet needs an evaluation before its turn: none has finished
   * yet, or SLOs came into or left the catalog since the last one (reads
   * only the SLOs' references). Right after a start the catalog is still
   * loading, so this is asked every few seconds.
   */
  async fleetChanged(): Promise<boolean> {
    const run = await this.deps.fleetRuns.lastRun();
    if (!run) return true;
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const slos = await this.catalogSlos(credentials, REF_FIELDS);
    return (
      sloRefsFingerprint(slos.map(e => stringifyEntityRef(e))) !==
      run.sloRefsHash
    );
  }

  /**
   * Every endpoint shows an SLO only with its service, so an SLO whose
   * service is missing would otherwise disappear without a word. Said once
   * per SLO and service, not on every run.
   */
  private warnAboutMissingServices(
    defs: SloDefinition[],
    services: (Entity | undefined)[],
  ) {
    defs.forEach((def, i) => {
      const key = `${def.ref} ${def.serviceRef}`;
      if (services[i]) {
        this.missingServices.delete(key);
      } else if (!this.missingServices.has(key)) {
        this.missingServices.add(key);
        this.deps.logger.warn(
          `${def.ref} measures ${def.serviceRef}, which is not in the catalog; the SLO is hidden until its spec.service names an existing entity`,
        );
      }
    });
  }

  /** The SLO entities of the catalog, a page of `batchSize` at a time. */
  private async *sloBatches(
    credentials: BackstageCredentials,
  ): AsyncGenerator<Entity[]> {
    const limit = this.deps.batchSize ?? DEFAULT_BATCH_SIZE;
    let page = await this.deps.catalog.queryEntities(
      { filter: { kind: 'SLO' }, limit },
      { credentials },
    );
    for (;;) {
      if (page.items.length) yield page.items;
      const cursor = page.pageInfo.nextCursor;
      // An empty page ends the read even with a cursor: nothing can follow it.
      if (!cursor || !page.items.length) return;
      page = await this.deps.catalog.queryEntities(
        { cursor, limit },
        { credentials },
      );
    }
  }

  /** Every SLO entity in the catalog, page by page. */
  private catalogSlos(
    credentials: BackstageCredentials,
    fields?: string[],
  ): Promise<Entity[]> {
    return queryAllEntities(
      this.deps.catalog,
      { filter: { kind: 'SLO' }, fields },
      { credentials },
    );
  }
}
