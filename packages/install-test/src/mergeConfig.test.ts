import { parse } from 'yaml';
import { mergeConfig } from './mergeConfig';

const appConfig = `# the app
catalog:
  rules:
    - allow: [Component, System, API, Resource, Location]
  locations:
    # example data
    - type: file
      target: ../../examples/entities.yaml
backend:
  baseUrl: http://localhost:7007
`;

describe('mergeConfig', () => {
  it('adds list entries after the ones there and keeps comments', () => {
    const out = mergeConfig(
      appConfig,
      `catalog:
  rules:
    # … your rules stay as they are, and this one is added:
    - allow: [SLO, SLI]
`,
    );
    expect(parse(out).catalog.rules).toEqual([
      { allow: ['Component', 'System', 'API', 'Resource', 'Location'] },
      { allow: ['SLO', 'SLI'] },
    ]);
    expect(out).toContain('# example data');
    expect(parse(out).catalog.locations).toHaveLength(1);
  });

  it('merges mappings key by key and adds missing ones', () => {
    const out = mergeConfig(
      appConfig,
      `backend:
  listen: { port: 7107 }
ownership:
  index:
    events:
      topics: []
`,
    );
    expect(parse(out)).toMatchObject({
      backend: { baseUrl: 'http://localhost:7007', listen: { port: 7107 } },
      ownership: { index: { events: { topics: [] } } },
    });
  });
});
