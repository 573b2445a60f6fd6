import { readFile } from 'fs/promises';
import { isAbsolute, join } from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { reliabilityPath } from '../lib/paths';

/** The repository root, where the example instance's app-config.yaml is. */
const ROOT = reliabilityPath('../..');
/** The example backend resolves its catalog paths from packages/backend. */
const EXAMPLE_BACKEND = join(ROOT, 'packages/backend');

interface Location {
  type: string;
  target: string;
  rules?: Array<{ allow: string[] }>;
}

/**
 * The catalog of the example instance (app-config.yaml): its rules and file
 * locations, paths made absolute. The templates are left out: the suite's
 * backend has no scaffolder.
 */
export async function exampleCatalogConfig() {
  const config = parse(await readFile(join(ROOT, 'app-config.yaml'), 'utf8'));
  const locations = (config.catalog.locations as Location[])
    .filter(l => !l.rules?.some(r => r.allow.includes('Template')))
    .map(l => ({
      ...l,
      target:
        l.type === 'file' && !isAbsolute(l.target)
          ? join(EXAMPLE_BACKEND, l.target)
          : l.target,
    }));
  return { rules: config.catalog.rules, locations };
}

/** What the soak calls: the example entities, SLOs and built-in series. */
export interface ExampleCatalog {
  components: string[];
  slos: string[];
  series: string[];
}

export async function readExampleCatalog(
  locations: Location[],
): Promise<ExampleCatalog> {
  const catalog: ExampleCatalog = { components: [], slos: [], series: [] };
  const series = new Set<string>();
  const collectSeries = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collectSeries);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'series' && typeof value === 'string') series.add(value);
        else collectSeries(value);
      }
    }
  };
  for (const location of locations.filter(l => l.type === 'file')) {
    const text = await readFile(location.target, 'utf8');
    for (const document of parseAllDocuments(text)) {
      const entity = document.toJS();
      if (entity?.kind === 'Component') {
        catalog.components.push(entity.metadata.name);
      }
      if (entity?.kind === 'SLO') catalog.slos.push(entity.metadata.name);
      collectSeries(entity?.spec);
    }
  }
  catalog.series = [...series].sort();
  return catalog;
}
