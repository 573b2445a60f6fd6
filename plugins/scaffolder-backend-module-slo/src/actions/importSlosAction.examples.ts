import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description: 'Import a pasted Sloth spec for a catalog service',
    example: `steps:
- id: import
  action: slo:openslo:import
  name: Import from Sloth
  input:
    content: \${{ parameters.importSpec }}
    service: component:default/checkout-service
    path: openslo/checkout-service.yaml
`,
  },
  {
    description: "Import the repository's Pyrra resources",
    example: `steps:
- id: import
  action: slo:openslo:import
  name: Import from Pyrra
  input:
    files: [deploy/slos/*.yaml]
    dataSource: thanos
`,
  },
];
