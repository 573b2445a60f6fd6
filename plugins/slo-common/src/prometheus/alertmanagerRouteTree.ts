import { parseEntityRef } from '@backstage/catalog-model';

/** An Alertmanager configuration: the route tree and its receivers. */
export interface AlertmanagerRouteTree {
  route: {
    receiver: string;
    group_by: string[];
    routes: Array<{ receiver: string; matchers: string[] }>;
  };
  receivers: Array<{ name: string }>;
}

/** Options of {@link alertmanagerRouteTree}. */
export interface AlertmanagerRouteTreeOptions {
  /** The alert label that holds the team (the owner or the SRE label). */
  label: string;
  /** Receiver of every alert no team route takes. */
  defaultReceiver: string;
  /** Severities each team's receiver gets; default `page`. */
  severities?: readonly string[];
}

/**
 * The receiver named after a team: its name, with the namespace when it is not
 * `default` and the kind when it is not `group` (`checkout-team`,
 * `payments/card-team`, `user:jane`).
 */
export function teamReceiverName(teamRef: string): string {
  const { kind, namespace, name } = parseEntityRef(teamRef, {
    defaultKind: 'group',
    defaultNamespace: 'default',
  });
  const kindPart =
    kind.toLocaleLowerCase('en-US') === 'group' ? '' : `${kind}:`;
  const namespacePart = namespace === 'default' ? '' : `${namespace}/`;
  return `${kindPart}${namespacePart}${name}`;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An Alertmanager route tree that sends each team's alerts (pages by default)
 * to a receiver named after the team, matched on the owner label the rule
 * generator writes; everything else goes to the default receiver. Receivers
 * come without integrations: add the team's Slack, PagerDuty, … to each.
 */
export function alertmanagerRouteTree(
  teamRefs: Iterable<string>,
  options: AlertmanagerRouteTreeOptions,
): AlertmanagerRouteTree {
  const severities = options.severities ?? ['page'];
  const severityMatcher =
    severities.length === 1
      ? `severity=${JSON.stringify(severities[0])}`
      : `severity=~${JSON.stringify(severities.map(escapeRegex).join('|'))}`;
  const teams = [...new Set(teamRefs)].sort();
  const receivers = new Map<string, string>();
  for (const team of teams) {
    const receiver = teamReceiverName(team);
    if (receiver === options.defaultReceiver || receivers.has(receiver)) {
      throw new TypeError(
        `the receiver of ${team} would be "${receiver}", which is already ${
          receiver === options.defaultReceiver
            ? 'the default receiver; choose another default receiver'
            : `the receiver of ${receivers.get(receiver)}`
        }`,
      );
    }
    receivers.set(receiver, team);
  }
  return {
    route: {
      receiver: options.defaultReceiver,
      group_by: ['alertname', 'slo', 'slo_namespace', 'slo_objective'],
      routes: [...receivers].map(([receiver, team]) => ({
        receiver,
        matchers: [`${options.label}=${JSON.stringify(team)}`, severityMatcher],
      })),
    },
    receivers: [
      { name: options.defaultReceiver },
      ...[...receivers.keys()].map(name => ({ name })),
    ],
  };
}
