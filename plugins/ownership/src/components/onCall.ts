/**
 * Link templates per on-call annotation; `{value}` is replaced by the
 * annotation's value, URL-encoded.
 */
export type OnCallLinkTemplates = Record<string, string>;

/** The defaults: PagerDuty services and Opsgenie teams. */
export const DEFAULT_ON_CALL_LINKS: OnCallLinkTemplates = {
  'pagerduty.com/service-id':
    'https://app.pagerduty.com/service-directory/{value}',
  'opsgenie.com/team': 'https://app.opsgenie.com/teams/list?query={value}',
};

const LABELS: Record<string, (value: string) => string> = {
  'pagerduty.com/service-id': v => `PagerDuty service ${v}`,
  // An integration key is a credential of sorts; never show it.
  'pagerduty.com/integration-key': () => 'PagerDuty (integration key set)',
  'opsgenie.com/team': v => `Opsgenie team ${v}`,
  'opsgenie.com/component-selector': v => `Opsgenie alerts ${v}`,
  'splunk.com/on-call-team': v => `Splunk On-Call team ${v}`,
};

/** One on-call entry of an entity or team. */
export interface OnCallLink {
  annotation: string;
  label: string;
  href?: string;
}

/** The on-call annotations of an entity or team as labelled links. */
export function onCallLinks(
  onCall: Record<string, string> | undefined,
  templates: OnCallLinkTemplates = DEFAULT_ON_CALL_LINKS,
): OnCallLink[] {
  return Object.entries(onCall ?? {})
    .filter(([, value]) => value !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([annotation, value]) => {
      const template =
        annotation === 'pagerduty.com/integration-key'
          ? undefined
          : templates[annotation];
      return {
        annotation,
        label: (LABELS[annotation] ?? (v => `${annotation}: ${v}`))(value),
        ...(template && {
          href: template.replace(/\{value\}/g, encodeURIComponent(value)),
        }),
      };
    });
}
