import { DEFAULT_OWNERSHIP_ROLES } from '@triad/plugin-ownership-common';
import {
  OwnershipIndex,
  readCatalogEntities,
} from '@triad/plugin-ownership-backend/testUtils';
import { fmt, log } from '../../lib/report';
import { gc, median, now } from '../../lib/util';
import { Bench } from './Bench';

/** Reads every entity of the catalog, as the index build does. */
type ReadEntities = () => ReturnType<typeof readCatalogEntities>;

/**
 * The index build against bare paging of the same catalog, the plugin's own
 * scheduled refresh, and the index's memory; returns an index for the
 * in-process measurements.
 */
export async function measureIndexBuild(bench: Bench): Promise<OwnershipIndex> {
  const { out, section } = bench;
  const { scheduler, auth, catalog } = bench.backend.services('ownership');
  const credentials = await auth.getOwnServiceCredentials();
  const read = () => readCatalogEntities(catalog, credentials);
  const entityCount = await measureBuildAgainstPaging(bench, read);
  // The plugin's own scheduled refresh, end to end.
  const t = now();
  await scheduler.triggerTask('ownership-index-refresh');
  out.row({
    section,
    metric: "plugin's scheduled index refresh (same work, via the scheduler)",
    value: fmt.ms(now() - t),
  });
  return measureIndexMemory(bench, read, entityCount);
}

const buildIndex = (entities: Parameters<typeof OwnershipIndex.build>[0]) =>
  OwnershipIndex.build(entities, {
    roles: [...DEFAULT_OWNERSHIP_ROLES],
    indexedAt: new Date(),
  });

/** Medians of three rounds back to back; returns how many entities were read. */
async function measureBuildAgainstPaging(
  { out, section }: Bench,
  read: ReadEntities,
): Promise<number> {
  log('index build vs bare paging');
  // Warm up the catalog's caches and the connection pool.
  await read();
  const paging: number[] = [];
  const building: number[] = [];
  const buildOnly: number[] = [];
  let entityCount = 0;
  for (let i = 0; i < 3; i++) {
    let t = now();
    const entities = await read();
    paging.push(now() - t);
    entityCount = entities.length;
    t = now();
    const fetched = await read();
    const t2 = now();
    buildIndex(fetched);
    building.push(now() - t);
    buildOnly.push(now() - t2);
  }
  const ratio = median(building) / median(paging);
  out.raw.indexBuild = { paging, building, buildOnly, entityCount };
  out.row({
    section,
    metric: `bare paging (${fmt.int(entityCount)} entities, 500 a page)`,
    value: fmt.ms(median(paging)),
  });
  out.row({
    section,
    metric: 'index build (paging + indexing + resolving every role)',
    value: `${fmt.ms(median(building))} (indexing alone ${fmt.ms(
      median(buildOnly),
    )})`,
  });
  out.row({
    section,
    metric: 'index build / bare paging',
    value: fmt.x(ratio),
    goal: '≤ 1.5×',
    met: ratio <= 1.5,
  });
  return entityCount;
}

/** The heap an index takes, after garbage collection, against the entities it was built from. */
async function measureIndexMemory(
  { out, section }: Bench,
  read: ReadEntities,
  entityCount: number,
): Promise<OwnershipIndex> {
  log('index memory');
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  let entities: any[] | undefined = await read();
  gc();
  const heapEntities = process.memoryUsage().heapUsed - heap0;
  const index = buildIndex(entities);
  entities = undefined;
  gc();
  const heapIndex = process.memoryUsage().heapUsed - heap0;
  out.raw.memory = { heapEntities, heapIndex };
  out.row({
    section,
    metric: 'index memory (heap delta after GC)',
    value: `${fmt.mib(heapIndex)} (${fmt.int(
      heapIndex / entityCount,
    )} B per entity; the fetched entities alone: ${fmt.mib(heapEntities)})`,
  });
  return index;
}
