import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { queryAllEntities } from '@triad/backend-utils';
import { evaluateFleetComposites } from '../composite/evaluateFleetComposites';
import { FleetRunStore } from '../database/FleetRunStore';
import { SnapshotStore } from '../database/SnapshotStore';
import { contextOf } from '../evaluation/sloContext';
import { SloDefinition, SloDefinitions } from '../evaluation/SloDefinitions';
import { SloEvaluator } from '../evaluation/SloEvaluator';
import { SloTransitionNotifier } from '../notifications/SloTransitionNotifier';
import { mapLimit } from './mapLimit';
import { sloRefsFingerprint } from './sloRefsFingerprint';

const REF_FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

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
      /** Tells people of state changes, when notifications are on. */
      notifier?: Pick<SloTransitionNotifier, 'notify'>;
    },
  ) {}

  /**
   * Evaluates every SLO in the catalog and stores snapshots. Run by the
   * scheduler, once per interval cluster-wide.
   */
  async evaluateAll(): Promise<{ evaluated: number; failed: number }> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const entities = await this.catalogSlos(credentials);
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
    // Composites after their parts, from the parts' results of this run.
    const composites = await evaluateFleetComposites(this.deps, {
      entities,
      results,
      credentials,
    });
    await this.deps.snapshots.retainOnly([
      ...defs.map(d => d.ref),
      ...composites.map(c => c.ref),
    ]);
    // In this run, so that one instance tells each change once.
    await this.deps.notifier?.notify(
      results.map((result, i) => ({
        result,
        service: services.items[i] ?? undefined,
      })),
    );
    const refs = entities.map(e => stringifyEntityRef(e));
    await this.deps.fleetRuns.saveRun({
      finishedAt: Date.now(),
      sloCount: refs.length,
      sloRefsHash: sloRefsFingerprint(refs),
    });
    const failed = results.filter(r => r.stale || r.error).length;
    return { evaluated: results.length, failed };
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
