import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description: 'A platform team that serves two stream-aligned teams',
    example: `steps:
  - id: team
    action: ownership:team:create
    name: Register the team
    input:
      name: data-platform
      title: Data Platform
      description: Runs the shared databases and streaming platform.
      parent: group:infrastructure
      members: [user:ada, user:linus]
      topology:
        type: platform
        disciplines: [platform, sre]
        interactions:
          - with: group:checkout-team
            mode: x-as-a-service
          - with: group:payments-team
            mode: collaboration
            until: 2027-03-31
      path: teams/data-platform.yaml
`,
  },
];
