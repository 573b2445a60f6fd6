import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  describeSloTransition,
  detectSloTransitions,
  RELEASE_GATE_POLICY_ANNOTATION,
  resolveReleaseGatePolicy,
  sloAlertState,
  SloResult,
  StatusThresholds,
} from '@triad/plugin-slo-common';
import { SloBackendConfig } from '../config';
import {
  RecordedSloAlertState,
  SloAlertStateStore,
} from '../database/SloAlertStateStore';
import { decidePolicy } from '../evaluation/decidePolicy';
import { contextOf } from '../evaluation/sloContext';
import { SloNotificationsConfig } from './readSloNotificationsConfig';
import { SloRecipientResolver } from './SloRecipientResolver';

/** The SLO tab of the service an SLO measures. */
function sloTabLink(serviceRef: string): string {
  const { kind, namespace, name } = parseEntityRef(serviceRef);
  return `/catalog/${namespace}/${kind}/${name}/slos`.toLocaleLowerCase(
    'en-US',
  );
}

/**
 * Tells the owner and role holders of an SLO's service when the SLO changes
 * state (see detectSloTransitions). Called by the scheduled evaluation, which
 * runs once across all instances; each transition is also claimed in the
 * database before it is sent, so it is sent once even if two runs overlap.
 */
export class SloTransitionNotifier {
  constructor(
    private readonly deps: {
      alertStates: SloAlertStateStore;
      notifications: NotificationService;
      recipients: SloRecipientResolver;
      logger: LoggerService;
      config: SloNotificationsConfig;
      thresholds: StatusThresholds;
      policy: SloBackendConfig['policy'];
      now?: () => Date;
    },
  ) {}

  /**
   * Compares evaluated SLOs (a batch of the fleet) with their recorded
   * states and tells of the changes.
   */
  async notify(
    evaluated: { result: SloResult; service: Entity | undefined }[],
  ): Promise<void> {
    const recorded = await this.deps.alertStates.of(
      evaluated.map(e => e.result.ref),
    );
    for (const { result, service } of evaluated) {
      if (!service) continue;
      try {
        await this.notifyOne(result, service, recorded.get(result.ref));
      } catch (error) {
        this.deps.logger.warn(
          `Could not notify about ${result.ref}; trying again on the next evaluation: ${error}`,
        );
      }
    }
  }

  /** Forgets the states of SLOs that are no longer in the catalog, after a run over every SLO. */
  async retainOnly(sloRefs: readonly string[]): Promise<void> {
    await this.deps.alertStates.retainOnly(sloRefs);
  }

  private async notifyOne(
    result: SloResult,
    service: Entity,
    previous: RecordedSloAlertState | undefined,
  ) {
    const now = (this.deps.now ?? (() => new Date()))();
    const { ownerRef } = contextOf(service);
    const policy = resolveReleaseGatePolicy({
      annotation:
        service.metadata.annotations?.[RELEASE_GATE_POLICY_ANNOTATION],
      ownerRef,
      ...this.deps.policy,
    });
    const current = sloAlertState(result, {
      thresholds: this.deps.thresholds,
      releaseBlocked: !decidePolicy(result.serviceRef, [result], policy, now)
        .releaseAllowed,
    });
    if (!current) return;
    const { transitions, state } = detectSloTransitions(
      previous?.state,
      current,
    );
    if (previous && JSON.stringify(previous.state) === JSON.stringify(state)) {
      return;
    }
    const wanted = transitions.filter(t => this.deps.config.transitions.has(t));
    const version = await this.deps.alertStates.claim(
      result.ref,
      previous,
      state,
      now.getTime(),
    );
    if (version === undefined || !wanted.length) return;
    try {
      const recipients = await this.deps.recipients.resolve(
        result.serviceRef,
        ownerRef,
      );
      if (!recipients.length) {
        this.deps.logger.info(
          `${result.ref}: ${wanted.join(
            ', ',
          )}; nobody holds the roles ${this.deps.config.roles.join(
            ', ',
          )} to tell`,
        );
        return;
      }
      for (const transition of wanted) {
        const { title, description, severity } = describeSloTransition(
          transition,
          result,
          recipients,
        );
        await this.deps.notifications.send({
          recipients: { type: 'entity', entityRef: recipients.map(r => r.ref) },
          payload: {
            title,
            description,
            severity,
            link: sloTabLink(result.serviceRef),
            topic: result.title,
            metadata: { sloRef: result.ref, transition },
          },
        });
      }
    } catch (error) {
      if (previous) {
        await this.deps.alertStates.release(
          result.ref,
          version,
          previous,
          now.getTime(),
        );
      }
      throw error;
    }
  }
}
