import {
  AuthService,
  DiscoveryService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { OwnershipClient } from '@triad/plugin-ownership-common';
import { SloBackendConfig } from '../config';
import { SloAlertStateStore } from '../database/SloAlertStateStore';
import { readSloNotificationsConfig } from './readSloNotificationsConfig';
import { SloRecipientResolver } from './SloRecipientResolver';
import { SloTransitionNotifier } from './SloTransitionNotifier';

/** The notifier of SLO transitions, or undefined when `slo.notifications.enabled` is off. */
export function createSloTransitionNotifier(options: {
  rootConfig: RootConfigService;
  config: SloBackendConfig;
  auth: AuthService;
  discovery: DiscoveryService;
  logger: LoggerService;
  notifications: NotificationService;
  alertStates: SloAlertStateStore;
}): SloTransitionNotifier | undefined {
  const notifications = readSloNotificationsConfig(options.rootConfig);
  if (!notifications.enabled) return undefined;
  return new SloTransitionNotifier({
    ...options,
    config: notifications,
    thresholds: options.config.status,
    policy: options.config.policy,
    recipients: new SloRecipientResolver({
      ownership: new OwnershipClient({ discoveryApi: options.discovery }),
      auth: options.auth,
      roles: notifications.roles,
    }),
  });
}
