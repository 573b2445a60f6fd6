import { Config } from '@backstage/config';
import { SLO_TRANSITIONS, SloTransition } from '@triad/plugin-slo-common';

/** The role name that stands for the service's `spec.owner`. */
export const OWNER_ROLE = 'owner';

/** `slo.notifications.*`, defaults filled in (see config.d.ts). */
export interface SloNotificationsConfig {
  enabled: boolean;
  transitions: ReadonlySet<SloTransition>;
  /** `owner` and/or roles of the ownership model, e.g. `sre`. */
  roles: readonly string[];
}

/** Reads `slo.notifications.*`, naming the key of a bad value. */
export function readSloNotificationsConfig(
  config: Config,
): SloNotificationsConfig {
  const transitions =
    config.getOptionalStringArray('slo.notifications.transitions') ??
    SLO_TRANSITIONS;
  for (const t of transitions) {
    if (!(SLO_TRANSITIONS as readonly string[]).includes(t)) {
      throw new Error(
        `slo.notifications.transitions: unknown transition "${t}"; expected some of ${SLO_TRANSITIONS.join(
          ', ',
        )}`,
      );
    }
  }
  const roles = config.getOptionalStringArray('slo.notifications.roles') ?? [
    OWNER_ROLE,
    'sre',
  ];
  if (!roles.length) {
    throw new Error(
      'slo.notifications.roles: must name at least one role (use enabled: false to send nothing)',
    );
  }
  return {
    enabled: config.getOptionalBoolean('slo.notifications.enabled') ?? false,
    transitions: new Set(transitions as SloTransition[]),
    roles,
  };
}
