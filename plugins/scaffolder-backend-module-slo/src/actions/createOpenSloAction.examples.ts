import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description:
      'Availability SLO read from the built-in store, appended to catalog-info.yaml',
    example: `steps:
  - id: slo
    action: slo:openslo:create
    name: Availability SLO
    input:
      service: checkout-service
      type: availability
      target: 0.999
      window: 28d
`,
  },
  {
    description:
      'Latency SLO on Prometheus in its own file, referenced from catalog-info.yaml by a Location',
    example: `steps:
  - id: latency-slo
    action: slo:openslo:create
    name: Latency SLO
    input:
      service: checkout-service
      type: latency
      latencyThresholdMs: 300
      target: 0.99
      window: 30d
      dataSource: prometheus
      queries:
        good: http_request_duration_seconds_bucket{job="checkout",le="0.3"}
        total: http_request_duration_seconds_count{job="checkout"}
      path: slos.yaml
`,
  },
  {
    description:
      'Custom threshold SLO (p99 latency under 500 ms in 99 % of minutes), in a file of its own',
    example: `steps:
  - id: custom-slo
    action: slo:openslo:create
    name: Custom SLO
    input:
      service: component:payments/ledger
      type: custom
      name: ledger-p99
      target: 0.99
      window: 7d
      budgetingMethod: Timeslices
      timeSliceWindow: 1m
      dataSource: prometheus
      indicator:
        thresholdMetric:
          metricSource:
            metricSourceRef: prometheus
            spec:
              query: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="ledger"}[{{window}}])))
      objective:
        op: lte
        value: 0.5
      path: openslo/ledger.yaml
      catalogFile: false
`,
  },
];
