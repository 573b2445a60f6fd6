import { PrometheusRuleGroup } from './types';

/** The two shapes a rule file can take. */
export type PrometheusRuleFormat = 'plain' | 'operator';

/** A Prometheus Operator `PrometheusRule` resource. */
export interface PrometheusRuleResource {
  apiVersion: 'monitoring.coreos.com/v1';
  kind: 'PrometheusRule';
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  };
  spec: { groups: PrometheusRuleGroup[] };
}

// Kubernetes object names: DNS-1123 subdomains.
const K8S_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * Wraps rule groups in a `PrometheusRule` for the Prometheus Operator. The
 * operator picks rules up by label (`ruleSelector`), so callers usually pass
 * the labels their Prometheus selects, e.g. `release: prometheus`.
 */
export function toPrometheusRuleResource(
  groups: PrometheusRuleGroup[],
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  },
): PrometheusRuleResource {
  if (!K8S_NAME.test(metadata.name) || metadata.name.length > 253) {
    throw new TypeError(
      `"${metadata.name}" is not a Kubernetes name (lower-case letters, digits, - and .)`,
    );
  }
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: {
      name: metadata.name,
      ...(metadata.namespace && { namespace: metadata.namespace }),
      ...(metadata.labels &&
        Object.keys(metadata.labels).length && { labels: metadata.labels }),
    },
    spec: { groups },
  };
}

/** The content of a rule file in either format, ready for a YAML writer. */
export function prometheusRuleFileContent(
  groups: PrometheusRuleGroup[],
  format: PrometheusRuleFormat,
  resource: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
  },
): { groups: PrometheusRuleGroup[] } | PrometheusRuleResource {
  return format === 'operator'
    ? toPrometheusRuleResource(groups, resource)
    : { groups };
}
