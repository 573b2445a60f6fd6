import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description: 'Find the SRE team of a service to ask for its review',
    example: `steps:
  - id: owners
    action: ownership:lookup
    name: Who is responsible
    input:
      entityRef: component:default/checkout-service
`,
  },
];
