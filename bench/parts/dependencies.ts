/*
 * Issue 19: dependency ceilings and burn attribution over a large catalog.
 *
 * A real catalog backend serves a clone of the ownership part's processed
 * catalog (bench/lib/catalogTemplate.ts) with the OpenSLO and ownership
 * modules; 1,000 SLOs on components and resources that lie on its
 * dependsOn chains are added through a provider, and the SLO backend (the
 * built-in data source) and the ownership backend run beside it. A
 * separate client process asks for the ceiling of every SLO's service and
 * the attribution of every SLO.
 */
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleOpenSlo from '@triad/plugin-catalog-backend-module-openslo';
import catalogModuleOwnership from '@triad/plugin-catalog-backend-module-ownership';
import ownershipPlugin from '@triad/plugin-ownership-backend';
import sloPlugin from '@triad/plugin-slo-backend';
import { args } from '../lib/args';
import { startBenchBackend } from '../lib/backend';
import { benchEntityProvider } from '../lib/catalogProvider';
import {
  CATALOG_CONFIG,
  CATALOG_RULES,
  cloneCatalog,
  ensureCatalogTemplate,
} from '../lib/catalogTemplate';
import { generateCatalog } from '../lib/generateCatalog';
import { fmt, log, partResult, runPart } from '../lib/report';
import { waitForCatalog } from '../lib/waitForCatalog';
import { Bench } from './dependencies/Bench';
import { chainSlos } from './dependencies/chainSlos';
import { checkAnswers } from './dependencies/checkAnswers';
import { measureAll } from './dependencies/measureAll';
import { MINUTE, pushSamples } from './dependencies/pushSamples';

const SLOS = 1000;
const CONCURRENCY = 8; // the SLO backend's default evaluation concurrency
const CACHE_TTL_MS = 10_000;
const DB_PREFIX = 'triad_bench_dep_';

async function main() {
  const { quick, fresh } = args();
  const size = quick ? 10_000 : 100_000;
  const out = partResult('dependencies');
  const section = `Dependency ceilings and burn attribution, ${fmt.int(
    SLOS,
  )} SLOs over ${fmt.int(size)} entities`;
  const { template } = await ensureCatalogTemplate(size, {
    fresh,
    log,
    timeoutMs: 70 * 60_000,
  });
  const chains = chainSlos(generateCatalog(size), SLOS);
  describeChains(out, section, chains);

  const provider = benchEntityProvider('triad-bench-slos');
  log('starting the catalog, SLO and ownership backends on the cloned catalog');
  const backend = await startDependencyBackend(template, provider);
  try {
    log(`adding ${chains.slos.length} SLO entities to the catalog`);
    await provider.apply(chains.slos);
    await waitForCatalog(`${DB_PREFIX}catalog`, size + SLOS, 600_000);
    const hours = quick ? 6 : 12;
    const endMinute = Math.floor(Date.now() / MINUTE);
    const pushed = await pushSamples(backend, chains, endMinute, hours * 60);
    out.row({
      section,
      metric: `built-in samples (${hours} hours per minute, POST /v1/samples; set-up)`,
      value: `${fmt.int(pushed.samples)} samples in ${fmt.ms(pushed.ms)}`,
    });
    log('building the ownership index (the holders beside each dependency)');
    await backend
      .services('ownership')
      .scheduler.triggerTask('ownership-index-refresh');
    const bench: Bench = {
      quick,
      out,
      section,
      backend,
      chains,
      concurrency: CONCURRENCY,
      cacheTtlMs: CACHE_TTL_MS,
    };
    await checkAnswers(bench);
    await measureAll(bench);
  } finally {
    log('stopping');
    await backend.stop();
  }
  out.write();
}

/** How deep the chains are that the ceilings multiply. */
function describeChains(
  out: ReturnType<typeof partResult>,
  section: string,
  chains: ReturnType<typeof chainSlos>,
) {
  const deps = [...chains.dependencies.values()].map(d => d.length);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const components = chains.services.filter(r => r.startsWith('component:'));
  out.raw.chains = {
    components: components.length,
    resources: chains.services.length - components.length,
    depths: chains.depths,
    dependenciesWithSlos: deps,
    incidentResources: chains.incident.resources.size,
    behindIncidents: chains.incident.dependents.size,
  };
  out.row({
    section,
    metric: 'SLOs on dependency chains (generated catalog)',
    value: `${fmt.int(components.length)} components and ${fmt.int(
      chains.services.length - components.length,
    )} resources; dependsOn depth mean ${mean(chains.depths).toFixed(
      1,
    )}, max ${Math.max(
      ...chains.depths,
    )}; dependencies with SLOs multiplied per ceiling mean ${mean(deps).toFixed(
      1,
    )}, max ${Math.max(...deps)}; ${
      chains.incident.resources.size
    } resources with an incident, ${
      chains.incident.dependents.size
    } SLOs behind one`,
  });
}

/** The cloned catalog with the OpenSLO and ownership modules, the SLO and ownership backends. */
function startDependencyBackend(
  template: string,
  provider: ReturnType<typeof benchEntityProvider>,
) {
  return startBenchBackend({
    dbPrefix: DB_PREFIX,
    prepare: () => cloneCatalog(template, `${DB_PREFIX}catalog`),
    features: [
      catalogPlugin,
      catalogModuleOpenSlo,
      catalogModuleOwnership,
      provider.module,
      sloPlugin,
      ownershipPlugin,
    ],
    probe: ['ownership'],
    config: {
      catalog: {
        ...CATALOG_CONFIG,
        rules: [{ allow: [...CATALOG_RULES[0].allow, 'SLO'] }],
      },
      slo: {
        dataSources: [{ name: 'builtin', type: 'builtin' }],
        evaluation: {
          cacheTtl: `${CACHE_TTL_MS / 1000}s`,
          concurrency: CONCURRENCY,
        },
      },
      ownership: {
        index: {
          schedule: { frequency: { hours: 1 }, timeout: { minutes: 10 } },
          events: { topics: [] },
        },
      },
    },
  });
}

runPart(main);
