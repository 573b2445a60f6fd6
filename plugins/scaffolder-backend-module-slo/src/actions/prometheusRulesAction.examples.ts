import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description: 'Rule file for every SLO in the workspace',
    example: `steps:
- id: rules
  action: slo:prometheus:rules
  name: Prometheus rules
  input:
    runbookUrl: https://runbooks.example.com/checkout-service
`,
  },
  {
    description:
      "Alerts labelled with each service's owner and SRE role holder, a minimum-traffic guard, and an Alertmanager route tree with one receiver per team",
    example: `steps:
- id: rules
  action: slo:prometheus:rules
  name: Prometheus rules routed by ownership
  input:
    labelOwners: true
    minEventsPerHour: 100
    alertmanagerPath: alertmanager/slo-routes.yaml
`,
  },
  {
    description:
      'PrometheusRule resource for one SLO, with a team label, for the Prometheus Operator',
    example: `steps:
- id: rules
  action: slo:prometheus:rules
  name: PrometheusRule
  input:
    files: [slos.yaml]
    slos: [checkout-service-latency]
    format: operator
    path: deploy/prometheus-rule.yaml
    namespace: monitoring
    resourceLabels:
      release: prometheus
    labels:
      team: checkout-team
`,
  },
];
