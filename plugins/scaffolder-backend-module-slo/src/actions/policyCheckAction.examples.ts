import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description: 'Stop the template when the service is out of budget',
    example: `steps:
- id: policy
  action: slo:policy:check
  name: Error-budget policy
  input:
    entityRef: component:default/checkout-service
`,
  },
  {
    description: 'Only report the decision, for a later step to use',
    example: `steps:
- id: policy
  action: slo:policy:check
  name: Error-budget policy
  input:
    entityRef: checkout-service
    failOnBlock: false
`,
  },
];
