import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description: 'Give the service an owner and its SRE and platform teams',
    example: `steps:
  - id: ownership
    action: ownership:responsibilities:set
    name: Responsibilities
    input:
      owner: group:checkout-team
      responsibilities:
        - role: sre
          ref: group:sre-core
        - role: platform
          ref: group:runtime-platform
`,
  },
  {
    description:
      'Add an SRE team to one entity of a multi-entity file, keeping the other roles',
    example: `steps:
  - id: sre
    action: ownership:responsibilities:set
    name: SRE team
    input:
      path: catalog-info.yaml
      entityRef: component:default/checkout-service
      merge: true
      responsibilities:
        - role: sre
          ref: group:sre-core
`,
  },
];
