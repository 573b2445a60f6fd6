import { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description: 'Validate every YAML file of the workspace',
    example: `steps:
- id: validate
  action: slo:openslo:validate
  name: Validate SLOs
`,
  },
  {
    description: 'Validate the catalog file and the files under openslo/',
    example: `steps:
- id: validate
  action: slo:openslo:validate
  name: Validate SLOs
  input:
    files:
      - catalog-info.yaml
      - openslo/**/*.yaml
`,
  },
];
