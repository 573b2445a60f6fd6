import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description: 'Mark a deploy on the SLO charts of the service',
    example: `steps:
  - id: mark-deploy
    action: slo:event:create
    name: Mark the deploy
    input:
      entityRef: component:default/checkout-service
      id: deploy-\${{ parameters.version }}
      title: Deploy \${{ parameters.version }}
      version: \${{ parameters.version }}
      link: https://ci.example.com/checkout-service/releases
`,
  },
  {
    description: 'Record a maintenance window with its end',
    example: `steps:
  - id: maintenance
    action: slo:event:create
    name: Announce maintenance
    input:
      entityRef: checkout-service
      id: db-upgrade-2026-12
      type: maintenance
      time: '2026-12-12T22:00:00Z'
      end: '2026-12-12T23:30:00Z'
      title: Database upgrade
`,
  },
];
